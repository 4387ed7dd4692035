import * as Y from 'yjs'
import { metaMap, readRecord, type RecordJson } from '../../../shared/board/boardDoc'
import { boundedJson } from '../../../shared/board/docLayout'
import { deepEqual, type JsonValue } from '../../../shared/board/yjsValue'
import type { CloseReason } from '../../../shared/closeCodes'
import { docFromStored } from '../../storage/storedDoc'
import { UpdateGate } from '../UpdateGate'
import type { WriteContext } from '../writePolicy'

/** One record an offline client changed: as its epoch's final doc had it, and as it left it. */
export interface RescuedRecord {
  id: string
  before: RecordJson | undefined
  after: RecordJson | undefined
}

export interface RescuedMeta {
  key: string
  after: JsonValue | undefined
}

export interface RescuedChanges {
  records: RescuedRecord[]
  meta: RescuedMeta[]
}

export type RescueVerdict =
  { ok: true; changes: RescuedChanges } | { ok: false; reason: CloseReason; detail: string }

/**
 * What a client's copy of an earlier epoch holds that the epoch's final doc (`base`, as
 * stored) lacks, as changes of whole records: the edits it made offline. `copy` is the
 * client's whole doc as an update; everything in it the server already had changes nothing.
 * The copy meets the same UpdateGate a sync update meets, checked against the base, so a
 * rescue can do nothing the writer could not have done over the socket.
 */
export function rescuedChanges(
  base: Uint8Array,
  copy: Uint8Array,
  writer: WriteContext,
  maxRecords: number,
): RescueVerdict {
  const doc = docFromStored({ snapshot: base, updates: [] })
  const gate = new UpdateGate(doc, maxRecords)
  try {
    const verdict = gate.check(copy, writer)
    if (!verdict.ok) return verdict
    const ids = [...verdict.touchedRecords]
    const before = new Map(ids.map((id) => [id, readRecord(doc, id)]))
    const metaBefore = readMeta(doc)
    Y.applyUpdate(doc, copy)
    const records = ids
      .map((id) => ({ id, before: before.get(id), after: readRecord(doc, id) }))
      .filter((change) => !deepEqual(change.before ?? null, change.after ?? null))
    const metaAfter = readMeta(doc)
    const meta = [...new Set([...metaBefore.keys(), ...metaAfter.keys()])]
      .filter((key) => !deepEqual(metaBefore.get(key) ?? null, metaAfter.get(key) ?? null))
      .map((key) => ({ key, after: metaAfter.get(key) }))
    return { ok: true, changes: { records, meta } }
  } finally {
    gate.destroy()
    doc.destroy()
  }
}

function readMeta(doc: Y.Doc): Map<string, JsonValue> {
  return new Map([...metaMap(doc).entries()].map(([key, value]) => [key, boundedJson(value)]))
}
