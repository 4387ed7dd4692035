import type { RecordJson } from '../board/boardDoc'
import { AREA_LABEL_BAND, FRAME_PADDING } from '../factors/clusterSections'
import { boundsOf, inset, type Rect } from '../factors/rect'
import { isShape, meta, shapeType } from '../factors/recordFields'
import { pageBounds, recordsById } from '../factors/shapeBounds'

/** Size of the free space used when a board has no unsorted area. */
const FREE_SPACE = { w: 1000, h: 1000 }
const MARGIN = 200

/**
 * Where unsorted factors go, in page coordinates: inside the board's unsorted area (a geo
 * shape marked `meta.area: 'unsorted'`) below its label, or, on boards without one, in free
 * space to the right of all shapes.
 */
export function findUnsortedArea(records: readonly RecordJson[]): Rect {
  const byId = recordsById(records)
  const area = records.find(
    (record) => shapeType(record) === 'geo' && meta(record).area === 'unsorted',
  )
  if (area) {
    return inset(pageBounds(area, byId), {
      top: AREA_LABEL_BAND,
      right: FRAME_PADDING,
      bottom: FRAME_PADDING,
      left: FRAME_PADDING,
    })
  }
  const board = boundsOf(records.filter(isShape).map((shape) => pageBounds(shape, byId)))
  if (!board) return { x: 0, y: 0, ...FREE_SPACE }
  return { x: board.x + board.w + MARGIN, y: board.y, ...FREE_SPACE }
}
