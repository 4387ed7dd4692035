import type { Polarity } from './Factor'

/** Words and signs accepted for a polarity in imports, in Swedish and English. */
const polarityWords: Record<string, Polarity> = {
  '': 'undecided',
  '?': 'undecided',
  undecided: 'undecided',
  'ej bestämd': 'undecided',
  enabling: 'enabling',
  främjande: 'enabling',
  '+': 'enabling',
  '⊕': 'enabling',
  hindering: 'hindering',
  hämmande: 'hindering',
  '-': 'hindering',
  '–': 'hindering',
  '−': 'hindering',
  '⊖': 'hindering',
}

/** The polarity a cell names, or undefined when it names none. Case and spacing do not matter. */
export function parsePolarityWord(value: string): Polarity | undefined {
  return polarityWords[value.trim().toLocaleLowerCase('sv')]
}

/** Signs that may open a pasted line; `–` and `−` are there because word processors make them. */
export const LEADING_SIGNS: Record<string, Polarity> = {
  '+': 'enabling',
  '⊕': 'enabling',
  '-': 'hindering',
  '–': 'hindering',
  '−': 'hindering',
  '⊖': 'hindering',
}
