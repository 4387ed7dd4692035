import { ApiRequestError } from '../common/api'

/** How long to wait after a refused poll (429): long enough for the server's window to pass. */
export const RATE_LIMITED_DELAY_MS = 30_000

/**
 * When to poll next after a call: on time after an answer or a passing failure, later after
 * 429, and never again after 401/403/404. A tab left open with a rotated link would otherwise
 * keep failing every few seconds and count against its school's whole address.
 */
export function nextPollDelay(error: unknown, intervalMs: number): number | undefined {
  if (!(error instanceof ApiRequestError)) return intervalMs
  if ([401, 403, 404].includes(error.status)) return undefined
  if (error.status === 429) return Math.max(intervalMs, RATE_LIMITED_DELAY_MS)
  return intervalMs
}
