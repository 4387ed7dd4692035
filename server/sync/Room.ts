import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import type { CloseReason } from '../../shared/closeCodes'
import type { SyncMetrics } from '../metrics'
import type { Storage } from '../storage/Storage'
import type { Connection } from './Connection'
import { UpdateGate } from './UpdateGate'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2
const MESSAGE_QUERY_AWARENESS = 3

/** A person's presence (cursor, name, selection) is a few hundred bytes; this is generous. */
const MAX_AWARENESS_BYTES = 64 * 1024
/** One browser tab announces one awareness client; a few allow for reconnect overlap. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 8

export class ProtocolError extends Error {
  constructor(
    readonly reason: CloseReason,
    message: string,
  ) {
    super(message)
  }
}

interface PendingUpdate {
  update: Uint8Array
  from: Connection | undefined
}

export interface RoomOptions {
  compactEveryUpdates: number
  /** Cursor and presence changes are gathered this long and relayed as one message. */
  awarenessIntervalMs: number
  /** Stored bytes (snapshot plus updates) a board may grow to. */
  maxDocBytes: number
}

/**
 * One board's live doc and the sockets working on it: the y-websocket protocol (sync and
 * awareness) and nothing else. Each incoming update is checked by the UpdateGate, then
 * applied, stored, and only then relayed; updates arriving within one event-loop turn are
 * stored in one transaction and relayed as one merged message. Presence is relayed in
 * batches, since each cursor move sent alone to every peer is what saturates a plenary.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()
  private gate: UpdateGate | undefined
  private pending: PendingUpdate[] = []
  private flushScheduled = false
  private lastSeq = 0
  private updatesSinceCompaction = 0
  private storedBytes = 0
  private changedPresence = new Set<number>()
  private presenceTimer: ReturnType<typeof setTimeout> | undefined
  lastActivity = Date.now()

  constructor(
    readonly boardId: string,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
    private readonly metrics: SyncMetrics,
  ) {
    this.awareness.setLocalState(null)
  }

  /** Fills the doc from storage; throws if a stored update is corrupt. */
  load(snapshot: Uint8Array | undefined, updates: Uint8Array[], lastSeq: number) {
    Y.transact(this.doc, () => {
      if (snapshot) Y.applyUpdate(this.doc, snapshot, 'storage')
      for (const update of updates) Y.applyUpdate(this.doc, update, 'storage')
    })
    this.lastSeq = lastSeq
    this.storedBytes = (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0)
    this.gate = new UpdateGate(this.doc)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  join(connection: Connection) {
    this.connections.add(connection)
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(step1, this.doc)
    this.send(connection, encoding.toUint8Array(step1))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) this.send(connection, this.awarenessMessage(states))
  }

  leave(connection: Connection) {
    if (!this.connections.delete(connection)) return
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
  }

  /** Handles one binary frame; throws ProtocolError for anything that breaks the protocol. */
  receive(connection: Connection, message: Uint8Array) {
    this.lastActivity = Date.now()
    const decoder = decoding.createDecoder(message)
    const type = readVarUint(decoder)
    switch (type) {
      case MESSAGE_SYNC:
        return this.receiveSync(connection, decoder)
      case MESSAGE_AWARENESS:
        return this.receiveAwareness(connection, decoder)
      case MESSAGE_QUERY_AWARENESS:
        return this.send(connection, this.awarenessMessage([...this.awareness.getStates().keys()]))
      case MESSAGE_AUTH:
        return
      default:
        throw new ProtocolError('protocolViolation', `unknown message type ${type}`)
    }
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder) {
    const syncType = readVarUint(decoder)
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = readBytes(decoder)
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MESSAGE_SYNC)
      try {
        syncProtocol.writeSyncStep2(reply, this.doc, stateVector)
      } catch {
        throw new ProtocolError('protocolViolation', 'malformed state vector')
      }
      this.send(connection, encoding.toUint8Array(reply))
      return
    }
    if (
      syncType !== syncProtocol.messageYjsSyncStep2 &&
      syncType !== syncProtocol.messageYjsUpdate
    ) {
      throw new ProtocolError('protocolViolation', `unknown sync message type ${syncType}`)
    }
    const update = readBytes(decoder)
    if (connection.readOnly) return
    if (this.storedBytes + update.byteLength > this.options.maxDocBytes) {
      throw new ProtocolError('docTooLarge', `board would exceed ${this.options.maxDocBytes} bytes`)
    }
    const started = performance.now()
    const verdict = this.gate!.check(update, connection.role)
    if (!verdict.ok) throw new ProtocolError(verdict.reason, verdict.detail)
    Y.applyUpdate(this.doc, update, connection)
    this.metrics.applySeconds.observe((performance.now() - started) / 1000)
  }

  private receiveAwareness(connection: Connection, decoder: decoding.Decoder) {
    const update = readBytes(decoder)
    if (update.byteLength > MAX_AWARENESS_BYTES) {
      throw new ProtocolError('messageTooBig', `awareness update of ${update.byteLength} bytes`)
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection)
    } catch (error) {
      throw new ProtocolError('protocolViolation', `malformed awareness update: ${String(error)}`)
    }
    if (connection.awarenessIds.size > MAX_AWARENESS_IDS_PER_CONNECTION) {
      throw new ProtocolError('protocolViolation', 'too many awareness clients on one connection')
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    const from = this.connections.has(origin as Connection) ? (origin as Connection) : undefined
    // The server's own writes (migration, import, gather) bypass the gate; keep it in step.
    if (!from) this.gate?.mirror(update)
    this.pending.push({ update, from })
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(this.flush)
    }
  }

  /** Stores pending updates, then relays them. Also called before the room unloads. */
  flush = () => {
    this.flushScheduled = false
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    const started = performance.now()
    const updates = batch.map((p) => p.update)
    this.lastSeq = this.storage.appendUpdates(this.boardId, updates)
    this.metrics.persistSeconds.observe((performance.now() - started) / 1000)
    this.updatesSinceCompaction += batch.length
    this.storedBytes += updates.reduce((n, u) => n + u.byteLength, 0)

    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, merged)
    const message = encoding.toUint8Array(encoder)
    const onlyFrom = batch.every((p) => p.from === batch[0]!.from) ? batch[0]!.from : undefined
    for (const connection of this.connections) {
      if (connection !== onlyFrom) this.send(connection, message)
    }
    if (this.updatesSinceCompaction >= this.options.compactEveryUpdates) this.compact()
  }

  /** Forgets updates not yet stored, for a board being erased. */
  discardPending() {
    this.pending = []
  }

  /** Folds the stored updates into one snapshot of the current doc. */
  compact() {
    this.flush()
    const snapshot = Y.encodeStateAsUpdate(this.doc)
    this.storage.compact(this.boardId, snapshot, this.lastSeq)
    this.updatesSinceCompaction = 0
    this.storedBytes = snapshot.byteLength
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const connection = this.connections.has(origin as Connection)
      ? (origin as Connection)
      : undefined
    for (const id of [...added, ...updated]) connection?.awarenessIds.add(id)
    for (const id of removed) connection?.awarenessIds.delete(id)
    for (const id of [...added, ...updated, ...removed]) this.changedPresence.add(id)
    this.presenceTimer ??= setTimeout(this.flushPresence, this.options.awarenessIntervalMs)
  }

  private flushPresence = () => {
    this.presenceTimer = undefined
    if (this.changedPresence.size === 0) return
    const message = this.awarenessMessage([...this.changedPresence])
    this.changedPresence.clear()
    for (const connection of this.connections) this.send(connection, message)
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
    )
    return encoding.toUint8Array(encoder)
  }

  send(connection: Connection, message: Uint8Array) {
    if (connection.socket.readyState !== WebSocket.OPEN) return
    connection.socket.send(message)
    this.metrics.messagesOut.inc()
    this.metrics.bytesOut.inc(message.byteLength)
  }

  destroy() {
    this.flush()
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.gate?.destroy()
    this.doc.destroy()
  }
}

function readVarUint(decoder: decoding.Decoder): number {
  try {
    return decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError('protocolViolation', 'truncated message header')
  }
}

function readBytes(decoder: decoding.Decoder): Uint8Array {
  let bytes: Uint8Array
  try {
    bytes = decoding.readVarUint8Array(decoder)
  } catch {
    throw new ProtocolError('protocolViolation', 'truncated or overlong payload')
  }
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError('protocolViolation', 'trailing bytes after payload')
  }
  return bytes
}
