import { isStopWord } from './stopWords'

/** Languages the similarity analysis knows; workshops write in Swedish, sometimes English. */
export type Language = 'sv' | 'en'

const SWEDISH_LETTERS = /[åäö]/

/**
 * Guesses the language of a short note by counting stop words of each language.
 * Notes are a few words long, so Swedish letters count as strong evidence, and a tie
 * goes to Swedish, the product's main language.
 */
export function detectLanguage(words: readonly string[]): Language {
  let swedish = 0
  let english = 0
  for (const word of words) {
    if (SWEDISH_LETTERS.test(word)) swedish += 2
    if (isStopWord(word, 'sv')) swedish += 1
    if (isStopWord(word, 'en')) english += 1
  }
  return english > swedish ? 'en' : 'sv'
}
