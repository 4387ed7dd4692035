import type { TFunction } from 'i18next'
import './strings'

/** What a person reads when what they added would not fit on the board, the limit in their digits. */
export function boardFullMessage(t: TFunction, language: string, maxRecords: number): string {
  const max = maxRecords.toLocaleString(language === 'en' ? 'en-GB' : 'sv-SE')
  return t('boardFull.added', { max })
}
