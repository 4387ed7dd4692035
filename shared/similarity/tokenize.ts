/** Letters (incl. å, ä, ö) and digits; everything else separates words ("IT-avdelningen", "API:er"). */
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u

/** Splits a note into lower-case words, dropping one-letter fragments. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(WORD_SEPARATOR)
    .filter((word) => word.length > 1)
}
