import { describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../client/common/api'
import { nextPollDelay, RATE_LIMITED_DELAY_MS } from '../../client/workshop/pollDelay'

describe('polling after a failure', () => {
  it('stops for good after 401, 403 and 404', () => {
    for (const status of [401, 403, 404]) {
      expect(nextPollDelay(new ApiRequestError(status, 'nej'), 2000)).toBeUndefined()
    }
  })

  it('waits out the rate limit after 429 and keeps time otherwise', () => {
    expect(nextPollDelay(new ApiRequestError(429, 'vänta'), 2000)).toBe(RATE_LIMITED_DELAY_MS)
    expect(nextPollDelay(new ApiRequestError(503, 'upptagen'), 2000)).toBe(2000)
    expect(nextPollDelay(new TypeError('offline'), 2000)).toBe(2000)
    expect(nextPollDelay(undefined, 2000)).toBe(2000)
  })
})
