import { getIndices } from '@tldraw/utils'
import type { RecordJson } from '../board/boardDoc'
import type { Language, Template, TemplateContext } from './Template'
import { clusterFrame } from './clusterFrame'

const COLUMN_W = 700
const COLUMN_H = 1400
const GAP = 80

export interface ColumnLabel {
  /** Stable across languages, so boards in Swedish and English can be compared. */
  id: string
  sv: string
  en: string
}

/** Cluster frames side by side, one per label: the shape of step and reflection boards. */
export function buildColumns(
  columns: readonly ColumnLabel[],
  context: TemplateContext,
): RecordJson[] {
  const indices = getIndices(columns.length)
  return columns.map((column, i) =>
    clusterFrame(
      { id: context.newId('shape'), x: i * (COLUMN_W + GAP), y: 0, index: indices[i]! },
      { w: COLUMN_W, h: COLUMN_H, name: column[context.language] },
      { column: column.id },
    ),
  )
}

export function columnsTemplate(
  id: string,
  title: Record<Language, string>,
  columns: readonly ColumnLabel[],
): Template {
  return { id, title, build: (context) => buildColumns(columns, context) }
}
