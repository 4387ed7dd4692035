import type { RecordJson } from '../board/boardDoc'
import { numberOr, parentIdOf, props, shapeType } from './recordFields'
import type { Rect } from './rect'

/** tldraw's note is a 200 × 200 square at scale 1 that grows downwards with its text. */
export const NOTE_SIZE = 200

/** Height a text shape is assumed to take; tldraw measures it only when rendering. */
const TEXT_LINE_HEIGHT = 50

/**
 * A shape's size as stored in its record. Shapes whose size depends on rendering or on
 * geometry (arrows, lines, pen strokes) count as a point: good enough to find free space.
 */
export function shapeSize(record: RecordJson): { w: number; h: number } {
  const p = props(record)
  const scale = numberOr(p.scale, 1)
  switch (shapeType(record)) {
    case 'note':
      return { w: NOTE_SIZE * scale, h: (NOTE_SIZE + numberOr(p.growY, 0)) * scale }
    case 'geo':
      return { w: numberOr(p.w, 0), h: numberOr(p.h, 0) + numberOr(p.growY, 0) }
    case 'text':
      return { w: numberOr(p.w, 0) * scale, h: TEXT_LINE_HEIGHT * scale }
    default:
      return { w: numberOr(p.w, 0), h: numberOr(p.h, 0) }
  }
}

/** Position and size in the parent's coordinates. */
export function localBounds(record: RecordJson): Rect {
  return { x: numberOr(record.x, 0), y: numberOr(record.y, 0), ...shapeSize(record) }
}

/**
 * Position and size on the page: parents' offsets added up. Rotation is ignored; boards
 * built by templates and imports never rotate structure, and factors rarely are.
 */
export function pageBounds(record: RecordJson, byId: ReadonlyMap<string, RecordJson>): Rect {
  const bounds = localBounds(record)
  const seen = new Set<string>([record.id])
  let parentId = parentIdOf(record)
  while (parentId && !seen.has(parentId)) {
    const parent = byId.get(parentId)
    if (!parent || parent.typeName !== 'shape') break
    seen.add(parentId)
    bounds.x += numberOr(parent.x, 0)
    bounds.y += numberOr(parent.y, 0)
    parentId = parentIdOf(parent)
  }
  return bounds
}

export function recordsById(records: readonly RecordJson[]): Map<string, RecordJson> {
  return new Map(records.map((record) => [record.id, record]))
}
