import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export interface FailureLimits {
  /** Failed attempts allowed per address within the window. */
  failures: number
  windowSeconds: number
}

/**
 * Counts failed credential checks per address. Past the limit an address is refused (even
 * with a right token) until its window ends, so guessing tokens stays hopeless.
 */
export class FailureLimiter {
  private readonly limiter: RateLimiterMemory

  constructor(private readonly limits: FailureLimits) {
    this.limiter = new RateLimiterMemory({
      keyPrefix: 'auth-failures',
      points: limits.failures,
      duration: limits.windowSeconds,
    })
  }

  async isBlocked(address: string): Promise<boolean> {
    const state = await this.limiter.get(address)
    return state !== null && state.consumedPoints > this.limits.failures
  }

  /** Records a failure; true when it went past the limit. */
  async recordFailure(address: string): Promise<boolean> {
    try {
      await this.limiter.consume(address)
      return false
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return true
      throw rejection
    }
  }
}
