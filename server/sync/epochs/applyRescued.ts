import * as Y from 'yjs'
import { metaMap, recordsMap } from '../../../shared/board/boardDoc'
import { childrenOf, repairParents } from '../../../shared/board/parentStructure'
import {
  encodeRecord,
  upgradeLegacyPosition,
  writeRecordChanges,
} from '../../../shared/board/recordLayout'
import type { JsonObject } from '../../../shared/board/yjsValue'
import type { RescuedChanges } from './rescuedChanges'

export const RESCUE_ORIGIN = 'rescue'

/**
 * Writes an offline client's rescued changes into the board as it is now, as Yjs would have
 * merged them had the board not been rebuilt: only the fields the client changed are written
 * (others' later edits to other fields stay), a record someone deleted meanwhile stays deleted,
 * and notes the client created or deleted are created or deleted. Returns how many records
 * it changed.
 */
export function applyRescued(doc: Y.Doc, changes: RescuedChanges): number {
  const records = recordsMap(doc)
  const written = new Set<string>()
  const deleted = new Set<string>()
  doc.transact(() => {
    for (const { id, before, after } of changes.records) {
      const current = records.get(id)
      if (!after) {
        if (current) records.delete(id)
        deleted.add(id)
      } else if (!current) {
        // Changed offline but deleted meanwhile by someone else: the deletion wins, as in Yjs.
        if (before) continue
        records.set(id, encodeRecord(after as JsonObject))
      } else {
        upgradeLegacyPosition(current)
        writeRecordChanges(current, (before ?? {}) as JsonObject, after as JsonObject)
      }
      written.add(id)
    }
    const meta = metaMap(doc)
    for (const { key, after } of changes.meta) {
      if (after === undefined) meta.delete(key)
      else meta.set(key, after)
    }
  }, RESCUE_ORIGIN)
  // A note moved offline into a frame someone else deleted meanwhile goes back on the page, as
  // do the notes of a frame the client deleted offline.
  repairParents(doc, RESCUE_ORIGIN, [...written, ...childrenOf(doc, deleted)], written)
  return written.size
}
