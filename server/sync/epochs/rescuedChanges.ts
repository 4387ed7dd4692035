import type { RecordJson } from '../../../shared/board/boardDoc'
import { deepEqual, type JsonValue } from '../../../shared/board/yjsValue'
import type { CloseReason } from '../../../shared/closeCodes'
import { checkAgainstStored } from '../UpdateGate'
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
 * The copy meets the same checks a sync update meets at the UpdateGate, against the base, so
 * a rescue can do nothing the writer could not have done over the socket. The base is decoded
 * once (a large one takes a few hundred milliseconds on the event loop).
 */
export function rescuedChanges(
  base: Uint8Array,
  copy: Uint8Array,
  writer: WriteContext,
  maxRecords: number,
): RescueVerdict {
  const verdict = checkAgainstStored({ snapshot: base, updates: [] }, copy, writer, maxRecords)
  if (!verdict.ok) return verdict
  const records: RescuedRecord[] = []
  const meta: RescuedMeta[] = []
  for (const change of verdict.changes) {
    if (deepEqual(change.before ?? null, change.after ?? null)) continue
    if (change.area === 'records')
      records.push({ id: change.id, before: change.before, after: change.after })
    else meta.push({ key: change.key, after: change.after })
  }
  return { ok: true, changes: { records, meta } }
}
