const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * When a note was written, as "tis 14:05" in the reader's language. One formatter per
 * language: building an `Intl.DateTimeFormat` per note render cost about a second of first
 * paint on a 2,000-note board.
 */
export function formatNoteTime(createdAt: number, language: string): string {
  let formatter = formatters.get(language)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    })
    formatters.set(language, formatter)
  }
  return formatter.format(createdAt)
}
