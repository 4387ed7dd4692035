import type { RecordJson } from '../board/boardDoc'
import { frameShape, type Placement } from '../board/shapeRecords'
import type { JsonValue } from '../board/yjsValue'

/**
 * A cluster frame as templates place it. Never locked: a locked frame would refuse the
 * notes participants drop into it.
 */
export function clusterFrame(
  placement: Omit<Placement, 'isLocked' | 'meta'>,
  frame: { w: number; h: number; name: string },
  extraMeta: { [key: string]: JsonValue } = {},
): RecordJson {
  return frameShape(
    { ...placement, isLocked: false, meta: { kind: 'cluster', ...extraMeta } },
    { ...frame, color: 'black' },
  )
}
