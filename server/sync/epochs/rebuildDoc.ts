import * as Y from 'yjs'
import { metaMap, recordsMap } from '../../../shared/board/boardDoc'
import { readEpoch } from '../../../shared/board/boardEpoch'
import { boundedJson } from '../../../shared/board/docLayout'
import { decodeRecord, encodeRecord } from '../../../shared/board/recordLayout'
import { toYValue, type JsonObject } from '../../../shared/board/yjsValue'

/**
 * A rebuild must save at least this much of what a new client downloads, so a small board is
 * not moved to a new epoch (and its offline clients through a rescue) for a few bytes.
 */
const MIN_SAVED_BYTES = 32 * 1024

/**
 * The same board in a new doc of the next epoch: every record and meta value written once,
 * with none of the history (overwritten positions, deleted notes) a day leaves in the doc.
 * Undefined if a record cannot be read: such a doc is left as it is rather than lose it.
 */
export function rebuildDoc(doc: Y.Doc): Y.Doc | undefined {
  const rebuilt = new Y.Doc()
  try {
    rebuilt.transact(() => {
      const records = recordsMap(rebuilt)
      for (const [id, map] of recordsMap(doc).entries()) {
        const record = decodeRecord(map)
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
          throw new Error(`record ${id} is not an object`)
        }
        records.set(id, encodeRecord(record as JsonObject))
      }
      const meta = metaMap(rebuilt)
      for (const [key, value] of metaMap(doc).entries()) {
        meta.set(key, value instanceof Y.AbstractType ? toYValue(boundedJson(value)) : value)
      }
      meta.set('epoch', readEpoch(doc) + 1)
    })
  } catch {
    rebuilt.destroy()
    return undefined
  }
  return rebuilt
}

export interface RebuildPlan {
  rebuilt: Y.Doc
  /** What a new client downloads (`encodeStateAsUpdate`) of the doc now and once rebuilt. */
  bytesBefore: number
  bytesAfter: number
}

/**
 * A rebuilt doc, if the doc has grown past `ratio` times its rebuilt size (and by at least
 * MIN_SAVED_BYTES); undefined when it is not worth it, or `ratio` is 0 (rebuilds are off).
 */
export function planRebuild(doc: Y.Doc, ratio: number): RebuildPlan | undefined {
  if (ratio <= 0) return undefined
  const bytesBefore = Y.encodeStateAsUpdate(doc).byteLength
  const rebuilt = rebuildDoc(doc)
  if (!rebuilt) return undefined
  const bytesAfter = Y.encodeStateAsUpdate(rebuilt).byteLength
  if (bytesBefore > ratio * bytesAfter && bytesBefore - bytesAfter >= MIN_SAVED_BYTES) {
    return { rebuilt, bytesBefore, bytesAfter }
  }
  rebuilt.destroy()
  return undefined
}
