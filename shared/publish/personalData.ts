/** Kinds of text that look like personal data and should not be published unseen. */
export type PersonalDataKind = 'personnummer' | 'phone' | 'email'

const PATTERNS: Record<PersonalDataKind, RegExp> = {
  // YYMMDD-NNNN or YYYYMMDDNNNN, with - or + (over 100) or nothing between.
  personnummer:
    /\b(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}\b/,
  // Swedish numbers: 07x-xxx xx xx, 08-xx xx xx, +46 7x …; at least 7 digits in all.
  phone: /(?:\+46|\b0)[\s-]?\d{1,3}(?:[\s-]?\d){5,9}\b/,
  email: /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i,
}

/** Which kinds of personal data a text seems to hold (empty when none). */
export function findPersonalData(text: string): PersonalDataKind[] {
  return (Object.keys(PATTERNS) as PersonalDataKind[]).filter((kind) => PATTERNS[kind].test(text))
}
