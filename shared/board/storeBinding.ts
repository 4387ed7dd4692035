import * as Y from 'yjs'
import type { RecordsDiff, Store, UnknownRecord } from '@tldraw/store'
import { readRecord, readRecords, recordsMap } from './boardDoc'
import type { RecordJson } from './boardDoc'
import { brokenParents, firstPageId, type ParentLink } from './parentStructure'
import { encodeRecord, writeRecordChanges } from './recordLayout'
import { addsPastRecordLimit } from './recordLimit'

/** How long local changes are gathered before they go into the doc as one update. */
export const DEFAULT_FLUSH_INTERVAL_MS = 60

export interface StoreBinding {
  /** Writes pending local changes into the doc now. */
  flush(): void
  dispose(): void
}

export interface BindOptions {
  flushIntervalMs?: number
  /** Called after each batch of local changes has entered the doc, with the records it changed. */
  onLocalFlush?: (changedIds: readonly string[]) => void
  /**
   * Records that stay in this store and never enter the doc while this says so (a private
   * draft during silent writing). When it stops saying so, the record's next change writes
   * it into the doc whole.
   */
  keepLocal?: (record: RecordJson) => boolean
  /**
   * Records the doc may hold (the server's MAX_RECORDS_PER_BOARD). A batch of local changes
   * that would add past it never enters the doc, where the server would refuse it and close
   * the connection: the store goes back to what the doc holds, and `onRecordLimit` is told.
   */
  maxRecords?: number
  onRecordLimit?: (maxRecords: number) => void
}

/**
 * Keeps a tldraw store and a board's Y.Doc in step. Local document changes are gathered for
 * a short interval (a drag or a pen stroke becomes a few updates, not one per pointer move)
 * and written field by field; remote changes enter through `mergeRemoteChanges`, so each
 * person's undo stack holds only their own work. The store is first filled from the doc.
 */
export function bindStoreToDoc<R extends UnknownRecord>(
  store: Store<R>,
  doc: Y.Doc,
  options: BindOptions = {},
): StoreBinding {
  const interval = options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS
  const origin = { binding: true }
  const pending = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined

  const isDocumentRecord = (typeName: string) => store.scopedTypes.document.has(typeName)
  /** Each record as the store and the doc last agreed on it: the base of a three-way write. */
  const agreed = new Map<string, RecordJson>()

  const putFromDoc = (fromDoc: RecordJson[], removed: string[]) => {
    const records = withSoundParents(store, fromDoc)
    store.mergeRemoteChanges(() => {
      const present = removed.filter((id) => store.has(id as R['id']))
      if (present.length > 0) store.remove(present as R['id'][])
      for (const record of putAllValid(store, records)) agreed.set(record.id, record)
    })
    for (const id of removed) agreed.delete(id)
  }

  const initial = readRecords(doc).filter((record) => isDocumentRecord(record.typeName))
  const initialIds = new Set(initial.map((record) => record.id))
  const keepLocal = options.keepLocal ?? (() => false)
  const stale = store
    .allRecords()
    .filter(
      (record) =>
        isDocumentRecord(record.typeName) &&
        !initialIds.has(record.id) &&
        !keepLocal(record as unknown as RecordJson),
    )
  putFromDoc(
    initial,
    stale.map((record) => record.id),
  )

  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY
  /** Whether writing these changed records would take the doc past its record limit. */
  const addsPastLimit = (ids: readonly string[]) => {
    const records = recordsMap(doc)
    let after = records.size
    for (const id of ids) {
      const record = store.get(id as R['id']) as unknown as RecordJson | undefined
      if (record && keepLocal(record)) continue
      if (record && !records.has(id)) after += 1
      else if (!record && records.has(id)) after -= 1
    }
    return addsPastRecordLimit(records.size, after, maxRecords)
  }

  /** Writes local changes into the doc: only the fields this person changed. */
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (pending.size === 0) return
    const ids = [...pending]
    pending.clear()
    const records = recordsMap(doc)
    if (addsPastLimit(ids)) {
      // The whole batch goes, not only its new records: an existing shape may have been moved
      // into a new frame, or bound to a new arrow, in the same few milliseconds.
      const isLocalOnly = (id: string) => {
        const record = store.get(id as R['id']) as unknown as RecordJson | undefined
        return record !== undefined && keepLocal(record)
      }
      putFromDoc(
        ids.flatMap((id) => readRecord(doc, id) ?? []),
        ids.filter((id) => !records.has(id) && !isLocalOnly(id)),
      )
      options.onRecordLimit?.(maxRecords)
      return
    }
    const written: string[] = []
    doc.transact(() => {
      for (const id of ids) {
        const record = store.get(id as R['id']) as unknown as RecordJson | undefined
        if (record && keepLocal(record)) continue
        written.push(id)
        const map = records.get(id)
        if (!record) records.delete(id)
        else if (!map) records.set(id, encodeRecord(record))
        else writeRecordChanges(map, agreed.get(id) ?? {}, record)
        if (record) agreed.set(id, record)
        else agreed.delete(id)
      }
    }, origin)
    if (written.length > 0) options.onLocalFlush?.(written)
  }

  const stopListening = store.listen(
    ({ changes }) => {
      for (const id of changedIds(changes)) pending.add(id)
      if (interval <= 0) flush()
      else timer ??= setTimeout(flush, interval)
    },
    { source: 'user', scope: 'document' },
  )

  // Pending local edits are written first, so the doc's version of a record holds both the
  // remote change and ours before it replaces the store's.
  const onRemote = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const ids = new Set<string>()
    for (const event of events) {
      const top = event.path[0]
      if (typeof top === 'string') ids.add(top)
      else if (event instanceof Y.YMapEvent) for (const key of event.keysChanged) ids.add(key)
    }
    flush()
    const put: RecordJson[] = []
    const removed: string[] = []
    for (const id of ids) {
      const record = readRecord(doc, id)
      if (record && isDocumentRecord(record.typeName)) put.push(record)
      else if (!record) removed.push(id)
    }
    putFromDoc(put, removed)
  }
  recordsMap(doc).observeDeep(onRemote)

  return {
    flush,
    dispose() {
      flush()
      stopListening()
      recordsMap(doc).unobserveDeep(onRemote)
    },
  }
}

/**
 * The records to put, with any shape whose parent chain would not end at a page (a frame
 * parented to itself, a cycle, a missing parent) moved onto the first page: such structure
 * freezes tldraw, and a doc may hold anything an older server let in.
 */
function withSoundParents<R extends UnknownRecord>(
  store: Store<R>,
  records: RecordJson[],
): RecordJson[] {
  const incoming = new Map(records.map((record) => [record.id, record]))
  const lookup = (id: string) =>
    (incoming.get(id) ?? store.get(id as R['id'])) as ParentLink | undefined
  const broken = new Set(brokenParents(lookup, incoming.keys()))
  if (broken.size === 0) return records
  const pages = [...incoming.values(), ...(store.allRecords() as unknown as RecordJson[])]
  const page = firstPageId(pages)
  if (!page) return records.filter((record) => !broken.has(record.id))
  return records.map((record) => (broken.has(record.id) ? { ...record, parentId: page } : record))
}

function changedIds(changes: RecordsDiff<UnknownRecord>): string[] {
  return [
    ...Object.keys(changes.added),
    ...Object.keys(changes.updated),
    ...Object.keys(changes.removed),
  ]
}

/**
 * Puts the records in one go and returns those the store took. One put is one change for
 * tldraw: a put per record made the first fill of a 2,000-note board 2,000 changes, each with
 * its own bookkeeping, and tldraw then squashed them into one. Should the schema reject a
 * record (written by a newer or broken client), each is put again on its own, so only that
 * one is skipped; putting an already put record again changes nothing.
 */
function putAllValid<R extends UnknownRecord>(
  store: Store<R>,
  records: RecordJson[],
): RecordJson[] {
  try {
    store.put(records as unknown as R[])
    return records
  } catch {
    return records.filter((record) => putValid(store, record))
  }
}

/**
 * Puts one record, skipping it if the store's schema rejects it (written by a newer or broken
 * client) instead of stopping the rest.
 */
function putValid<R extends UnknownRecord>(store: Store<R>, record: RecordJson): boolean {
  try {
    store.put([record as unknown as R])
    return true
  } catch (error) {
    console.warn(`Skipped invalid record ${record.id}`, error)
    return false
  }
}
