import { newStemmer } from 'snowball-stemmers'
import type { Language } from './language'

const ALGORITHM: Record<Language, string> = { sv: 'swedish', en: 'english' }
const stemmers = new Map<Language, { stem(word: string): string }>()

/** Snowball stem of a lower-case word, so "chefer", "chefs" and "chef" meet as "chef". */
export function stemWord(word: string, language: Language): string {
  let stemmer = stemmers.get(language)
  if (!stemmer) {
    stemmer = newStemmer(ALGORITHM[language])
    stemmers.set(language, stemmer)
  }
  return stemmer.stem(word)
}
