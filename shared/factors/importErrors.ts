import type { Language } from '../templates/Template'

/** Limits that keep one import from flooding a board or a note. */
export const MAX_IMPORT_FACTORS = 1000
export const MAX_FACTOR_TEXT = 2000

export type ImportErrorCode =
  | 'empty-text'
  | 'unknown-polarity'
  | 'text-too-long'
  | 'too-many-factors'
  | 'missing-text-column'
  | 'unbalanced-quotes'
  | 'unknown-encoding'

type Describe = (line: number, detail: string) => string

/** Messages the facilitator reads; each names the line and what to change. */
const messages: Record<Language, Record<ImportErrorCode, Describe>> = {
  sv: {
    'empty-text': (line) => `Rad ${line}: texten är tom.`,
    'unknown-polarity': (line, value) =>
      `Rad ${line}: okänd polaritet "${value}". Använd främjande, hämmande eller lämna tomt.`,
    'text-too-long': (line) => `Rad ${line}: texten är längre än ${MAX_FACTOR_TEXT} tecken.`,
    'too-many-factors': (line) =>
      `Rad ${line}: fler än ${MAX_IMPORT_FACTORS} faktorer. Dela upp importen.`,
    'missing-text-column': (line) =>
      `Rad ${line}: rubrikraden saknar kolumnen "text" (eller "faktor").`,
    'unbalanced-quotes': (line) => `Rad ${line}: ett citattecken (") öppnas men stängs aldrig.`,
    'unknown-encoding': (line) =>
      `Rad ${line}: filens teckenkodning känns inte igen (varken UTF-8, UTF-16 eller Windows-1252). Spara filen i Excel som "CSV UTF-8" och försök igen.`,
  },
  en: {
    'empty-text': (line) => `Line ${line}: the text is empty.`,
    'unknown-polarity': (line, value) =>
      `Line ${line}: unknown polarity "${value}". Use enabling, hindering or leave it empty.`,
    'text-too-long': (line) =>
      `Line ${line}: the text is longer than ${MAX_FACTOR_TEXT} characters.`,
    'too-many-factors': (line) =>
      `Line ${line}: more than ${MAX_IMPORT_FACTORS} factors. Split the import.`,
    'missing-text-column': (line) =>
      `Line ${line}: the header row has no "text" (or "faktor") column.`,
    'unbalanced-quotes': (line) => `Line ${line}: a quote (") is opened but never closed.`,
    'unknown-encoding': (line) =>
      `Line ${line}: the file's character encoding is not recognised (neither UTF-8, UTF-16 nor Windows-1252). Save it from Excel as "CSV UTF-8" and try again.`,
  },
}

export function importErrorMessage(
  code: ImportErrorCode,
  line: number,
  language: Language,
  detail = '',
): string {
  return messages[language][code](line, detail)
}
