import type { RecordJson } from '../board/boardDoc'
import type { SplitSide } from './clusterSections'
import { factorText } from './factorText'
import { isCluster } from './isCluster'
import type { Rect } from './rect'
import { meta, parentIdOf, shapeType } from './recordFields'
import { pageBounds } from './shapeBounds'

/**
 * A side of a board: a template's area that carries a polarity (`meta.area` hindering or
 * enabling) and is not a half of a key-area cluster. Placing a note on a side says the
 * factor is hindering or enabling, and it counts as sorted there, like a cluster of one
 * polarity (the halves of a key-area cluster belong to their cluster instead).
 */
export interface PolaritySide {
  id: string
  /** The area's label, e.g. "⊖ Hämmande faktorer". */
  name: string
  polarity: SplitSide
  /** Where the area lies on the page. */
  bounds: Rect
  /** The area's parent: a note placed on the side gets the same one. */
  parentId: string | undefined
}

export function polarityOfArea(record: RecordJson): SplitSide | undefined {
  if (shapeType(record) !== 'geo') return undefined
  const area = meta(record).area
  return area === 'hindering' || area === 'enabling' ? area : undefined
}

/** Every side of a board, in record order. */
export function polaritySides(
  records: readonly RecordJson[],
  byId: ReadonlyMap<string, RecordJson>,
): PolaritySide[] {
  const sides: PolaritySide[] = []
  for (const record of records) {
    const polarity = polarityOfArea(record)
    if (!polarity) continue
    const parent = byId.get(parentIdOf(record) ?? '')
    if (parent && isCluster(parent)) continue
    sides.push({
      id: record.id,
      name: factorText(record).trim(),
      polarity,
      bounds: pageBounds(record, byId),
      parentId: parentIdOf(record),
    })
  }
  return sides
}

/**
 * The side a note lies on: the first whose area holds the centre of the note's top square
 * (a note grows downwards with its text, so its top square is where it was put).
 */
export function sideHolding(sides: readonly PolaritySide[], note: Rect): PolaritySide | undefined {
  const half = Math.min(note.w, note.h) / 2
  const x = note.x + half
  const y = note.y + half
  return sides.find(
    (side) =>
      x >= side.bounds.x &&
      x <= side.bounds.x + side.bounds.w &&
      y >= side.bounds.y &&
      y <= side.bounds.y + side.bounds.h,
  )
}
