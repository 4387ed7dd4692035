import type { RecordJson } from '../board/boardDoc'
import type { SplitSide } from './clusterSections'
import { meta, parentIdOf, shapeType } from './recordFields'
import { localBounds } from './shapeBounds'

/**
 * The polarity half of a key-area cluster that holds `point` (in the frame's coordinates),
 * or undefined when the frame has no halves or the point lies outside both.
 */
export function splitSideAt(
  frameId: string,
  children: readonly RecordJson[],
  point: { x: number; y: number },
): SplitSide | undefined {
  for (const child of children) {
    if (parentIdOf(child) !== frameId || shapeType(child) !== 'geo') continue
    const side = meta(child).area
    if (side !== 'hindering' && side !== 'enabling') continue
    const half = localBounds(child)
    const inside =
      point.x >= half.x &&
      point.x <= half.x + half.w &&
      point.y >= half.y &&
      point.y <= half.y + half.h
    if (inside) return side
  }
  return undefined
}
