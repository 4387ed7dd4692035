import { polarityWord, type Polarity } from '../../shared/factors'

/** The polarity's word in the UI language (Swedish unless English is chosen). */
export function polarityWordFor(language: string, polarity: Polarity): string {
  return polarityWord[language === 'en' ? 'en' : 'sv'][polarity]
}
