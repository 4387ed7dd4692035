import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../client/common/api'
import '../../client/workshop/i18n'
import { problemMessage } from '../../client/workshop/problemMessage'

describe('problemMessage', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'sv', resources: { sv: { translation: {} } } })
  })
  const t = i18next.t.bind(i18next)

  it('says the workshop is gone only when the server says the workshop is unknown', () => {
    const gone = new ApiRequestError(404, 'no such workshop', 'unknown_workshop')
    expect(problemMessage(t, gone)).toMatch(/^Workshopen finns inte längre/)
    const noBoard = new ApiRequestError(404, 'no such board', 'not_found')
    expect(problemMessage(t, noBoard)).toBe('Det finns inte (längre).')
  })

  it('asks for a new link on 401 and 403, and reads the rest like any request', () => {
    expect(problemMessage(t, new ApiRequestError(403, 'rotated', 'forbidden'))).toMatch(
      /Be samtalsledaren om den nya länken/,
    )
    expect(problemMessage(t, new ApiRequestError(429, 'slow down'))).toMatch(/För många försök/)
    expect(problemMessage(t, new ApiRequestError(503, 'down'))).toMatch(/på servern/)
    expect(problemMessage(t, new TypeError('Failed to fetch'))).toMatch(/Ingen kontakt/)
    expect(problemMessage(t, new Error('something else'))).toMatch(/Ingen kontakt/)
  })
})
