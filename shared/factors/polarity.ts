import type { Colour } from '../board/shapeRecords'
import type { Language } from '../templates/Template'
import type { Polarity } from './Factor'

/**
 * How a polarity looks on the board. Colour is never the only signal: every polarity also
 * has an icon and a word, so colour-blind readers and screen readers get the same meaning.
 */

export const polarityColour: Record<Polarity, Colour> = {
  hindering: 'light-red',
  enabling: 'light-green',
  undecided: 'yellow',
}

export const polarityIcon: Record<Polarity, string> = {
  hindering: '⊖',
  enabling: '⊕',
  undecided: '?',
}

export const polarityWord: Record<Language, Record<Polarity, string>> = {
  sv: { hindering: 'hämmande', enabling: 'främjande', undecided: 'ej bestämd' },
  en: { hindering: 'hindering', enabling: 'enabling', undecided: 'undecided' },
}

/** Icon and word together, e.g. "⊖ hämmande", for labels and accessible names. */
export function polarityLabel(polarity: Polarity, language: Language): string {
  return `${polarityIcon[polarity]} ${polarityWord[language][polarity]}`
}

const cycle: Record<Polarity, Polarity> = {
  undecided: 'hindering',
  hindering: 'enabling',
  enabling: 'undecided',
}

/** The polarity one key press switches to: undecided → hindering → enabling → undecided. */
export function nextPolarity(polarity: Polarity): Polarity {
  return cycle[polarity]
}
