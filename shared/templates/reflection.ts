import { columnsTemplate, type ColumnLabel } from './columnsTemplate'

/** End-of-day questions: what to keep, what to change, what to take home. */
const questions: readonly ColumnLabel[] = [
  { id: 'worked', sv: 'Vad fungerade?', en: 'What worked?' },
  { id: 'did-not-work', sv: 'Vad fungerade inte?', en: 'What did not work?' },
  { id: 'take-home', sv: 'Vad tar vi med oss hem?', en: 'What do we take home?' },
]

export const reflectionTemplate = columnsTemplate(
  'reflection',
  { sv: 'Reflektion', en: 'Reflection' },
  questions,
)
