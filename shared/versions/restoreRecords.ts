import type * as Y from 'yjs'
import { readRecords, writeRecords, type RecordJson } from '../board/boardDoc'
import type { JsonValue } from '../board/yjsValue'

export interface RecordsDiff {
  /** Records to create or change so the board holds them exactly. */
  put: RecordJson[]
  /** Ids of records the target does not have. */
  remove: string[]
}

function sameJson(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** What turns `current` into `target`: changed or missing records, and records to delete. */
export function diffRecords(
  current: readonly RecordJson[],
  target: readonly RecordJson[],
): RecordsDiff {
  const now = new Map(current.map((record) => [record.id, record]))
  const wanted = new Set(target.map((record) => record.id))
  return {
    put: target.filter((record) => {
      const existing = now.get(record.id)
      return !existing || !sameJson(existing, record)
    }),
    remove: current.filter((record) => !wanted.has(record.id)).map((record) => record.id),
  }
}

/**
 * Makes the doc's records look like `target` as one new change: a moved note moves back, a
 * deleted one returns, a new one goes. Only what differs is written (field by field), so the
 * change is small, undoable history stays intact, and everyone sees it live.
 */
export function restoreRecords(
  doc: Y.Doc,
  target: readonly RecordJson[],
  origin: unknown = 'server',
) {
  const diff = diffRecords(readRecords(doc), target)
  doc.transact(() => writeRecords(doc, diff.put, diff.remove), origin)
  return diff
}
