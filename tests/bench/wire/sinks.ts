import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { Store, type RecordsDiff, type UnknownRecord } from '@tldraw/store'
import { createTLSchema, type TLRecord } from '@tldraw/tlschema'
import * as syncCore from '@tldraw/sync-core'
import { TLSocketRoom, type WebSocketMinimal } from '@tldraw/sync-core'
import { writeRecords, type RecordJson } from '../../../shared/board/boardDoc'
import { bindStoreToDoc } from '../../../shared/board/storeBinding'
import type { Frame, Replay } from './replays'

const schema = createTLSchema()

/**
 * The functions TLSyncClient itself uses to build a push and its connect request. They are
 * `@internal` (left out of the published types) but exported at runtime.
 */
const syncInternals = syncCore as unknown as {
  getNetworkDiff(diff: RecordsDiff<UnknownRecord>): unknown
  getTlsyncProtocolVersion(): number
}

export interface WireTotals {
  editorSentBytes: number
  editorMessages: number
  /** What one other participant receives for the same changes. */
  peerReceivedBytes: number
  peerMessages: number
  /** Whether the peer ended with exactly the editor's records. */
  peerMatches: boolean
}

/** One way of getting an editor's changes to a peer, with its wire bytes counted. */
export interface WireSink {
  name: string
  apply(frame: Frame): void
  finish(): Promise<WireTotals>
}

function newStore() {
  // The binding only needs the records; the editor-facing props are never called here.
  return new Store<TLRecord, never>({ schema, props: {} as never })
}

/** Size of a y-websocket sync-update frame: type, sync type, length, update. */
export function yUpdateMessageBytes(update: Uint8Array): number {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.length(encoder)
}

/** JSON with object keys sorted, so records compare equal whatever order their keys were set in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : 1))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const sameRecords = (a: unknown[], b: unknown[]) => canonical(a) === canonical(b)

function subjectRecords(store: Store<TLRecord, never>, replay: Replay) {
  return replay.subjectIds.map((id) => store.get(id as TLRecord['id']))
}

/**
 * Our binding (`bindStoreToDoc`) on both ends, with the given flush interval. The y-websocket
 * relay (ours) forwards an editor's update unchanged, so a peer receives the bytes sent.
 */
export function ourBinding(
  replay: Replay,
  flushIntervalMs: number | undefined,
  name: string,
): WireSink {
  const editorDoc = new Y.Doc()
  const peerDoc = new Y.Doc()
  writeRecords(editorDoc, replay.initial)
  Y.applyUpdate(peerDoc, Y.encodeStateAsUpdate(editorDoc))
  const editor = newStore()
  const peer = newStore()
  const editorBinding = bindStoreToDoc(
    editor,
    editorDoc,
    flushIntervalMs === undefined ? {} : { flushIntervalMs },
  )
  const peerBinding = bindStoreToDoc(peer, peerDoc)
  const totals = { editorSentBytes: 0, editorMessages: 0, peerReceivedBytes: 0, peerMessages: 0 }
  editorDoc.on('update', (update: Uint8Array) => {
    const bytes = yUpdateMessageBytes(update)
    totals.editorSentBytes += bytes
    totals.editorMessages++
    totals.peerReceivedBytes += bytes
    totals.peerMessages++
    Y.applyUpdate(peerDoc, update)
  })
  return {
    name,
    apply(frame) {
      editor.put(frame as unknown as TLRecord[])
    },
    async finish() {
      editorBinding.flush()
      const peerMatches = sameRecords(subjectRecords(editor, replay), subjectRecords(peer, replay))
      editorBinding.dispose()
      peerBinding.dispose()
      return { ...totals, peerMatches }
    },
  }
}

/**
 * The naive binding of tldraw's Yjs example: every store change writes each changed record
 * whole into a Y.Map, one update per change.
 */
export function naiveBinding(replay: Replay): WireSink {
  const editorDoc = new Y.Doc()
  const peerDoc = new Y.Doc()
  const editorMap = editorDoc.getMap<unknown>('records')
  const peerMap = peerDoc.getMap<unknown>('records')
  editorDoc.transact(() => {
    for (const record of replay.initial) editorMap.set(record.id, record)
  })
  Y.applyUpdate(peerDoc, Y.encodeStateAsUpdate(editorDoc))
  const editor = newStore()
  editor.put(replay.initial as unknown as TLRecord[])
  const totals = { editorSentBytes: 0, editorMessages: 0, peerReceivedBytes: 0, peerMessages: 0 }
  editor.listen(
    ({ changes }) => {
      editorDoc.transact(() => {
        for (const record of Object.values(changes.added)) editorMap.set(record.id, record)
        for (const [, to] of Object.values(changes.updated)) editorMap.set(to.id, to)
        for (const id of Object.keys(changes.removed)) editorMap.delete(id)
      })
    },
    { source: 'user', scope: 'document' },
  )
  editorDoc.on('update', (update: Uint8Array) => {
    const bytes = yUpdateMessageBytes(update)
    totals.editorSentBytes += bytes
    totals.editorMessages++
    totals.peerReceivedBytes += bytes
    totals.peerMessages++
    Y.applyUpdate(peerDoc, update)
  })
  return {
    name: 'naive Y.Map (whole records)',
    apply(frame) {
      editor.put(frame as unknown as TLRecord[])
    },
    async finish() {
      const peerRecords = replay.subjectIds.map((id) => peerMap.get(id))
      return { ...totals, peerMatches: sameRecords(subjectRecords(editor, replay), peerRecords) }
    },
  }
}

class CountingSocket implements WebSocketMinimal {
  readyState = 1
  bytes = 0
  messages = 0
  readonly received: { type: string; data?: { type: string }[] }[] = []
  send(data: string) {
    this.bytes += Buffer.byteLength(data)
    this.messages++
    this.received.push(JSON.parse(data) as { type: string })
  }
  close() {
    this.readyState = 3
  }
  reset() {
    this.bytes = 0
    this.messages = 0
    this.received.length = 0
  }
}

/**
 * tldraw's own sync: a real `TLSocketRoom` (sync-core 5.1.1) with two sessions on in-memory
 * sockets. The editor's messages are what `TLSyncClient` would push for each change: a
 * `push` carrying `getNetworkDiff` of the change (one push per frame, i.e. its 60 fps
 * throttle never merges frames; presence left out, as awareness is for Yjs). The peer's
 * bytes are the JSON the room actually sends it (patches, batched by the room's 1/60 s
 * debounce).
 */
export function tldrawSync(replay: Replay): WireSink {
  const room = new TLSocketRoom<TLRecord, undefined>({
    schema,
    initialSnapshot: {
      store: Object.fromEntries(replay.initial.map((r) => [r.id, r])) as never,
      schema: schema.serialize(),
    },
  })
  const editorSocket = new CountingSocket()
  const peerSocket = new CountingSocket()
  for (const [sessionId, socket] of [
    ['editor', editorSocket],
    ['peer', peerSocket],
  ] as const) {
    room.handleSocketConnect({ sessionId, socket })
    room.handleSocketMessage(
      sessionId,
      JSON.stringify({
        type: 'connect',
        connectRequestId: sessionId,
        lastServerClock: 0,
        protocolVersion: syncInternals.getTlsyncProtocolVersion(),
        schema: schema.serialize(),
      }),
    )
  }
  editorSocket.reset()
  peerSocket.reset()
  const current = new Map<string, RecordJson>(replay.initial.map((r) => [r.id, r]))
  let clientClock = 0
  let editorSentBytes = 0
  let editorMessages = 0
  return {
    name: 'tldraw sync (TLSocketRoom)',
    apply(frame) {
      const added: Record<string, UnknownRecord> = {}
      const updated: Record<string, [UnknownRecord, UnknownRecord]> = {}
      for (const record of frame) {
        const before = current.get(record.id)
        const next = record as unknown as UnknownRecord
        if (before) updated[record.id] = [before as unknown as UnknownRecord, next]
        else added[record.id] = next
        current.set(record.id, record)
      }
      const diff = syncInternals.getNetworkDiff({ added, updated, removed: {} })
      const push = JSON.stringify({ type: 'push', clientClock: ++clientClock, diff })
      editorSentBytes += Buffer.byteLength(push)
      editorMessages++
      room.handleSocketMessage('editor', push)
    },
    async finish() {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const rejected = editorSocket.received.some((m) =>
        (m.data ?? [m]).some(
          (d) => d.type === 'push_result' && JSON.stringify(d).includes('reject'),
        ),
      )
      const roomRecords = replay.subjectIds.map((id) => room.getRecord(id))
      const expected = replay.subjectIds.map((id) => current.get(id))
      room.close()
      return {
        editorSentBytes,
        editorMessages,
        peerReceivedBytes: peerSocket.bytes,
        peerMessages: peerSocket.messages,
        peerMatches: !rejected && sameRecords(roomRecords, expected),
      }
    },
  }
}

/** Final size of the replay's subject records: as JSON, and as a fresh Yjs doc. */
export function finalSizes(replay: Replay) {
  const finalRecords = new Map<string, RecordJson>()
  for (const frame of replay.frames) for (const record of frame) finalRecords.set(record.id, record)
  const records = replay.subjectIds.map((id) => finalRecords.get(id)!)
  const doc = new Y.Doc()
  writeRecords(doc, records)
  return {
    jsonBytes: records.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r)), 0),
    yjsBytes: Y.encodeStateAsUpdate(doc).length,
  }
}
