export type GatherLanguage = 'sv' | 'en'

/** The line under each entry's text: "nämnd av 3 av 4 grupper". */
export function namedByLine(language: GatherLanguage, groups: number, of: number): string {
  return language === 'sv'
    ? `nämnd av ${groups} av ${of} grupper`
    : `named by ${groups} of ${of} groups`
}

const NAMED_BY = /\n(nämnd av \d+ av \d+ grupper|named by \d+ of \d+ groups)\s*$/

/** A note's text without its "named by" line: what the facilitator may have edited. */
export function entryText(noteText: string): string {
  return noteText.replace(NAMED_BY, '')
}

/**
 * The same note text naming `groups` groups, for a hand merge or split that changes the count
 * before the next gathering rewrites the line in full.
 */
export function withNamedByCount(noteText: string, groups: number): string {
  return noteText.replace(NAMED_BY, (line) =>
    line.replace(/(nämnd av |named by )\d+/, (_, words: string) => `${words}${groups}`),
  )
}
