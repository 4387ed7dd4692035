import { columnsTemplate, type ColumnLabel } from './columnsTemplate'

/** The design-based method's four overlapping steps, in the order they start. */
const steps: readonly ColumnLabel[] = [
  { id: 'groundwork', sv: 'Skapa grogrund', en: 'Groundwork' },
  { id: 'co-create', sv: 'Samskapa', en: 'Co-create' },
  { id: 'prototype', sv: 'Prototypa', en: 'Prototype' },
  { id: 'scale-up', sv: 'Uppskalning', en: 'Scale up' },
]

export const designProcessTemplate = columnsTemplate(
  'design-process',
  { sv: 'Designprocessens steg', en: 'Design process steps' },
  steps,
)
