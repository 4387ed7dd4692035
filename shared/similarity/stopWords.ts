import { en, sv } from 'stopwords-iso/stopwords-iso.json'
import type { Language } from './language'

const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  sv: new Set(sv),
  en: new Set(en),
}

/** True when the word carries no topic of its own in the given language (e.g. "och", "the"). */
export function isStopWord(word: string, language: Language): boolean {
  return STOP_WORDS[language].has(word)
}
