import { describe, expect, it } from 'vitest'
import { formatNoteTime } from '../../client/board/factors/noteTime'

const format = (at: number, language: string) =>
  new Intl.DateTimeFormat(language, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at)

describe('formatNoteTime', () => {
  it('gives each note the time Intl gives, per language and minute', () => {
    const tuesday = Date.UTC(2026, 11, 1, 13, 5, 10)
    for (const at of [tuesday, tuesday + 40_000, tuesday + 60_000, tuesday + 86_400_000]) {
      for (const language of ['sv', 'en']) {
        expect(formatNoteTime(at, language)).toBe(format(at, language))
      }
    }
    expect(formatNoteTime(tuesday, 'sv')).not.toBe(formatNoteTime(tuesday, 'en'))
    expect(formatNoteTime(tuesday + 60_000, 'sv')).not.toBe(formatNoteTime(tuesday, 'sv'))
  })
})
