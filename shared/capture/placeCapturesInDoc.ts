import type * as Y from 'yjs'
import { readRecords, writeRecords, type RecordJson } from '../board/boardDoc'
import { PAGE_ID } from '../board/shapeRecords'
import type { Rect } from '../factors/rect'
import { isShape, parentIdOf } from '../factors/recordFields'
import { pageBounds, recordsById } from '../factors/shapeBounds'
import { captureRecords, type CaptureToPlace } from './captureRecords'

/** Transaction origin of a capture placed outside the canvas; bindings take it as remote. */
export const CAPTURE_ORIGIN = 'capture'

/** The rectangle around every shape on the page, as far as records tell (see `shapeSize`). */
function occupiedBounds(records: readonly RecordJson[]): Rect | undefined {
  const byId = recordsById(records)
  const rects = records
    .filter((record) => isShape(record) && parentIdOf(record) === PAGE_ID)
    .map((record) => pageBounds(record, byId))
  if (rects.length === 0) return undefined
  const x = Math.min(...rects.map((rect) => rect.x))
  const y = Math.min(...rects.map((rect) => rect.y))
  const right = Math.max(...rects.map((rect) => rect.x + rect.w))
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.h))
  return { x, y, w: right - x, h: bottom - y }
}

function topIndex(records: readonly RecordJson[]): string | undefined {
  return records
    .filter((record) => isShape(record) && parentIdOf(record) === PAGE_ID)
    .map((record) => record.index)
    .filter((index): index is string => typeof index === 'string')
    .sort()
    .at(-1)
}

/**
 * Places captures on a board's doc in one transaction, below what is there, as the server
 * does for a capture sent from another board. Returns the frames' ids.
 */
export function placeCapturesInDoc(
  doc: Y.Doc,
  captures: readonly CaptureToPlace[],
  newId: (kind: 'shape' | 'asset') => string,
): string[] {
  let placed: RecordJson[] = []
  doc.transact(() => {
    const records = readRecords(doc)
    placed = captureRecords(captures, {
      occupied: occupiedBounds(records),
      topIndex: topIndex(records),
      newId,
    })
    writeRecords(doc, placed)
  }, CAPTURE_ORIGIN)
  return placed
    .filter((record) => record.typeName === 'shape' && record.type === 'frame')
    .map((record) => record.id)
}
