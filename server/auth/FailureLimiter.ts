import { createHash } from 'node:crypto'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export interface FailureLimits {
  /** Failed attempts allowed per address, and per presented credential, within the window. */
  failures: number
  windowSeconds: number
}

/**
 * Counts failed credential checks, per address and per presented credential, separately.
 * Past either limit a wrong credential gets 429 instead of 401, so guessing stays slow and a
 * stale tab polling with a rotated link calms down. A right credential is never refused: a
 * school behind one NAT address must not be locked out by one old tab or one curious pupil.
 */
export class FailureLimiter {
  private readonly byAddress: RateLimiterMemory
  private readonly byCredential: RateLimiterMemory

  constructor(limits: FailureLimits) {
    const options = { points: limits.failures, duration: limits.windowSeconds }
    this.byAddress = new RateLimiterMemory({ keyPrefix: 'auth-address', ...options })
    this.byCredential = new RateLimiterMemory({ keyPrefix: 'auth-credential', ...options })
  }

  /**
   * Records a failure from `address` presenting `credential` (undefined when none was sent);
   * true when the address or the credential went past its limit. Only a digest of the
   * credential is kept.
   */
  async recordFailure(address: string, credential: string | undefined): Promise<boolean> {
    const counts = [consume(this.byAddress, address)]
    if (credential) counts.push(consume(this.byCredential, digest(credential)))
    return (await Promise.all(counts)).some(Boolean)
  }
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  try {
    await limiter.consume(key)
    return false
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return true
    throw rejection
  }
}

function digest(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url')
}
