import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../client/common/api'
import { ApiBodyError } from '../../client/common/boardRequest'
import { boardFullProblem, requestProblem } from '../../client/common/requestProblem'
import { boardFullMessage } from '../../client/board/recordLimit/boardFullMessage'

describe('messages for a full board', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'sv', resources: { sv: { translation: {} } } })
  })

  it('names the limit in the person’s language and digits', async () => {
    await i18next.changeLanguage('sv')
    expect(boardFullMessage(i18next.t, 'sv', 5000)).toMatch(/^Tavlan är full: .*högst 5\s000 /)
    await i18next.changeLanguage('en')
    expect(boardFullMessage(i18next.t, 'en', 5000)).toMatch(/^The board is full: .*at most 5,000 /)
  })

  it('reads a 413 board_full as a full board, other 413s as before', async () => {
    await i18next.changeLanguage('sv')
    const full = new ApiRequestError(413, 'the board would exceed 5000 records', 'board_full')
    expect(boardFullProblem(i18next.t, full)).toMatch(/^Tavlan är full/)
    expect(requestProblem(i18next.t, full)).toMatch(/^Tavlan är full/)
    // What the import and template dialogs' requests throw.
    const fromDialog = new ApiBodyError(413, { error: 'board_full', message: 'full' })
    expect(boardFullProblem(i18next.t, fromDialog)).toMatch(/^Tavlan är full/)
    const body = new ApiRequestError(413, 'body larger than 1048576 bytes', 'too_large')
    expect(boardFullProblem(i18next.t, body)).toBeUndefined()
    expect(requestProblem(i18next.t, body)).toBe('Det är för stort, eller tavlan är full.')
  })
})
