import * as Y from 'yjs'
import type { RecordsDiff, Store, UnknownRecord } from '@tldraw/store'
import { readRecord, readRecords, recordsMap, writeRecords } from './boardDoc'
import type { RecordJson } from './boardDoc'

/** How long local changes are gathered before they go into the doc as one update. */
export const DEFAULT_FLUSH_INTERVAL_MS = 60

export interface StoreBinding {
  /** Writes pending local changes into the doc now. */
  flush(): void
  dispose(): void
}

export interface BindOptions {
  flushIntervalMs?: number
  /** Called after each batch of local changes has entered the doc. */
  onLocalFlush?: (changedRecords: number) => void
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

  replaceStoreFromDoc(store, doc, isDocumentRecord)

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (pending.size === 0) return
    const put: RecordJson[] = []
    const removed: string[] = []
    for (const id of pending) {
      const record = store.get(id as R['id'])
      if (record) put.push(record as unknown as RecordJson)
      else removed.push(id)
    }
    pending.clear()
    doc.transact(() => writeRecords(doc, put, removed), origin)
    options.onLocalFlush?.(put.length + removed.length)
  }

  const stopListening = store.listen(
    ({ changes }) => {
      for (const id of changedIds(changes)) pending.add(id)
      if (interval <= 0) flush()
      else timer ??= setTimeout(flush, interval)
    },
    { source: 'user', scope: 'document' },
  )

  const onRemote = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const ids = new Set<string>()
    for (const event of events) {
      const top = event.path[0]
      if (typeof top === 'string') ids.add(top)
      else if (event instanceof Y.YMapEvent) for (const key of event.keysChanged) ids.add(key)
    }
    applyDocRecords(store, doc, ids, isDocumentRecord)
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

function changedIds(changes: RecordsDiff<UnknownRecord>): string[] {
  return [
    ...Object.keys(changes.added),
    ...Object.keys(changes.updated),
    ...Object.keys(changes.removed),
  ]
}

function replaceStoreFromDoc<R extends UnknownRecord>(
  store: Store<R>,
  doc: Y.Doc,
  isDocumentRecord: (typeName: string) => boolean,
) {
  const records = readRecords(doc).filter((record) => isDocumentRecord(record.typeName))
  const ids = new Set(records.map((record) => record.id))
  const stale = store
    .allRecords()
    .filter((record) => isDocumentRecord(record.typeName) && !ids.has(record.id))
  store.mergeRemoteChanges(() => {
    if (stale.length > 0) store.remove(stale.map((record) => record.id))
    putValid(store, records)
  })
}

function applyDocRecords<R extends UnknownRecord>(
  store: Store<R>,
  doc: Y.Doc,
  ids: Set<string>,
  isDocumentRecord: (typeName: string) => boolean,
) {
  const put: RecordJson[] = []
  const removed: R['id'][] = []
  for (const id of ids) {
    const record = readRecord(doc, id)
    if (record && isDocumentRecord(record.typeName)) put.push(record)
    else if (!record && store.has(id as R['id'])) removed.push(id as R['id'])
  }
  store.mergeRemoteChanges(() => {
    if (removed.length > 0) store.remove(removed)
    putValid(store, put)
  })
}

/**
 * Puts records one by one so that a single record the store's schema rejects (written by a
 * newer or broken client) is skipped instead of stopping the rest.
 */
function putValid<R extends UnknownRecord>(store: Store<R>, records: RecordJson[]) {
  for (const record of records) {
    try {
      store.put([record as unknown as R])
    } catch (error) {
      console.warn(`Skipped invalid record ${record.id}`, error)
    }
  }
}
