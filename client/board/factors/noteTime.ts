const formatters = new Map<string, Intl.DateTimeFormat>()
/** Formatted times by language and minute: notes written in one minute share one string. */
const formatted = new Map<string, string>()
/** A board holds at most a few thousand notes; past this many minutes the cache starts over. */
const MAX_FORMATTED = 10_000
const MINUTE_MS = 60_000

/**
 * When a note was written, as "tis 14:05" in the reader's language. One formatter per
 * language: building an `Intl.DateTimeFormat` per note render cost about a second of first
 * paint on a 2,000-note board, and formatting itself still cost a tenth of a millisecond
 * per note, so each minute is formatted once.
 */
export function formatNoteTime(createdAt: number, language: string): string {
  const key = `${language} ${Math.floor(createdAt / MINUTE_MS)}`
  const known = formatted.get(key)
  if (known !== undefined) return known
  let formatter = formatters.get(language)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    })
    formatters.set(language, formatter)
  }
  if (formatted.size >= MAX_FORMATTED) formatted.clear()
  const text = formatter.format(createdAt)
  formatted.set(key, text)
  return text
}
