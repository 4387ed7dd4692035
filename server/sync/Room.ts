import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { CloseCode, type CloseReason } from '../../shared/closeCodes'
import type { SyncMetrics } from '../metrics'
import type { Storage } from '../storage/Storage'
import type { Connection } from './Connection'
import { recordsMap } from '../../shared/board/boardDoc'
import { childrenOf, repairParents } from '../../shared/board/parentStructure'
import { upgradeLegacyPositions } from '../../shared/board/recordLayout'
import { awarenessClientIds } from './awarenessClients'
import { PresenceOwners } from './PresenceOwners'
import { UpdateGate } from './UpdateGate'
import { writeContextFor } from './writeContext'
import { applyStoredDoc, encodeSnapshot } from '../storage/storedDoc'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2
const MESSAGE_QUERY_AWARENESS = 3

/** A person's presence (cursor, name, selection) is a few hundred bytes; this is generous. */
const MAX_AWARENESS_BYTES = 64 * 1024
/**
 * A client asks for the whole doc (sync step 1) and every presence once when it connects;
 * asking again on the same connection is answered at most this often, since each answer can
 * be the whole board and everything changed since reaches the client anyway.
 */
const REPEAT_ANSWER_INTERVAL_MS = 10_000
/** One browser tab announces one awareness client; a few allow for reconnect overlap. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 8
/** A peer with this much unsent data is falling behind: its room batches presence. */
const BACKED_UP_BYTES = 256 * 1024

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
  /**
   * Called when storing this room's updates failed (a full disk): the room must be dropped
   * without storing, its clients closed, so the next load starts from what was stored.
   */
  onStorageFailure: (room: Room, error: unknown) => void
  /** Called when folding updates into a snapshot failed; nothing is lost. */
  onCompactionFailure: (room: Room, error: unknown) => void
  /** Called when a write to storage worked, so a failure reported before is over. */
  onStorageSuccess: () => void
  compactEveryUpdates: number
  /** In a batching room, presence changes are gathered this long and relayed as one message. */
  awarenessIntervalMs: number
  /** A room with more connections than this batches presence; a smaller one relays it at once. */
  presenceBatchAbove: number
  /** Stored bytes (snapshot plus updates) a board may grow to. */
  maxDocBytes: number
  /** Bytes waiting to be sent to one socket before it counts as too slow and is closed. */
  maxBufferedBytes: number
  /** Records (shapes, bindings, pages …) a board may hold. */
  maxRecords: number
}

/**
 * One board's live doc and the sockets working on it: the y-websocket protocol (sync and
 * awareness) and nothing else. Each incoming update is checked by the UpdateGate, then
 * applied, stored, and only then relayed. Storage is asynchronous, so the room's storage work
 * runs on one promise chain: updates that arrive while a write is in flight gather and are
 * stored together in the next step (group commit), and relayed as one merged message in the
 * order they were stored. Presence is relayed in
 * batches, since each cursor move sent alone to every peer is what saturates a plenary.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()
  private gate: UpdateGate | undefined
  private readonly presenceOwners: PresenceOwners
  private pending: PendingUpdate[] = []
  private flushQueued = false
  /** The tail of the room's storage steps; each step starts when the one before has ended. */
  private storing: Promise<void> = Promise.resolve()
  private storageSteps = 0
  private lastSeq = 0
  private updatesSinceCompaction = 0
  private storedBytes = 0
  private changedPresence = new Set<number>()
  /** Presence ids whose connection left; their clocks are forgotten once peers were told. */
  private leftPresence = new Set<number>()
  private presenceTimer: ReturnType<typeof setTimeout> | undefined
  /** Set once storing failed: the doc holds changes storage does not have, so it is dropped. */
  private storageFailed = false
  /** Counts changes to the doc, so the encoded whole doc is reused until the next change. */
  private docVersion = 0
  private fullState: { version: number; update: Uint8Array } | undefined
  private destroyed = false
  lastActivity = Date.now()

  constructor(
    readonly boardId: string,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
    private readonly metrics: SyncMetrics,
  ) {
    this.awareness.setLocalState(null)
    this.presenceOwners = new PresenceOwners(new Set([this.awareness.clientID]))
  }

  /** Fills the doc from storage; throws if a stored update is corrupt. */
  load(snapshot: Uint8Array | undefined, updates: Uint8Array[], lastSeq: number) {
    applyStoredDoc(this.doc, { snapshot, updates }, 'storage')
    this.lastSeq = lastSeq
    this.storedBytes = (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0)
    this.gate = new UpdateGate(this.doc, this.options.maxRecords)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Whether storing failed; the room is being dropped and must not be written to. */
  get failed() {
    return this.storageFailed
  }

  /**
   * Refuses a server-side write (import, template, gather) that would take the board past its
   * limits, before it is made: `bytes` bounds what the write stores, `records` what it adds.
   * Writes over sockets are checked per update instead.
   */
  checkRoomFor(bytes: number, records: number): { ok: true } | { ok: false; detail: string } {
    if (this.storedBytes + this.pendingBytes() + bytes > this.options.maxDocBytes) {
      return { ok: false, detail: `the board would exceed ${this.options.maxDocBytes} bytes` }
    }
    if (recordsMap(this.doc).size + records > this.options.maxRecords) {
      return { ok: false, detail: `the board would exceed ${this.options.maxRecords} records` }
    }
    return { ok: true }
  }

  private pendingBytes() {
    return this.pending.reduce((n, p) => n + p.update.byteLength, 0)
  }

  /** Whether changes still wait to be stored, or a storage step is still running. */
  get hasPending() {
    return this.pending.length > 0 || this.storageSteps > 0
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
    clearTimeout(connection.repeats.timer)
    this.presenceOwners.release(connection)
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
    for (const id of connection.announcedIds) this.leftPresence.add(id)
    // In a batching room the removal is still to be relayed, and encoding it needs the clock.
    if (!this.presenceTimer) this.forgetLeftPresence()
  }

  /** The clocks of ids that left stay behind in y-protocols; forget them after the relay. */
  private forgetLeftPresence() {
    for (const id of this.leftPresence) {
      if (!this.awareness.states.has(id)) this.awareness.meta.delete(id)
    }
    this.leftPresence.clear()
  }

  /**
   * Handles one binary frame; rejects with ProtocolError for anything that breaks the
   * protocol. A connection's frames must be handled one after another (an update waits for
   * its write context to be read from storage).
   */
  async receive(connection: Connection, message: Uint8Array): Promise<void> {
    this.lastActivity = Date.now()
    const decoder = decoding.createDecoder(message)
    const type = readVarUint(decoder)
    // A connection that left still has the updates it sent before closing applied, but no
    // presence: nothing would ever remove it again.
    const present = this.connections.has(connection)
    switch (type) {
      case MESSAGE_SYNC:
        return this.receiveSync(connection, decoder)
      case MESSAGE_AWARENESS:
        if (!present) return
        return this.receiveAwareness(connection, decoder)
      case MESSAGE_QUERY_AWARENESS:
        if (!present) return
        connection.repeats.awareness = true
        return this.answerRepeats(connection, 'awareness')
      case MESSAGE_AUTH:
        return
      default:
        throw new ProtocolError('protocolViolation', `unknown message type ${type}`)
    }
  }

  private async receiveSync(connection: Connection, decoder: decoding.Decoder) {
    const syncType = readVarUint(decoder)
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = readBytes(decoder)
      try {
        Y.decodeStateVector(stateVector)
      } catch {
        throw new ProtocolError('protocolViolation', 'malformed state vector')
      }
      connection.repeats.stateVector = stateVector
      return this.answerRepeats(connection, 'stateVector')
    }
    if (
      syncType !== syncProtocol.messageYjsSyncStep2 &&
      syncType !== syncProtocol.messageYjsUpdate
    ) {
      throw new ProtocolError('protocolViolation', `unknown sync message type ${syncType}`)
    }
    const update = readBytes(decoder)
    if (connection.readOnly) return
    const context = await writeContextFor(this.storage, connection)
    // The room may have been dropped (erase, storage failure) while the context was read.
    if (this.destroyed || this.storageFailed) return
    // From here to applyUpdate nothing awaits, so the gate checks the doc the update meets.
    if (this.storedBytes + this.pendingBytes() + update.byteLength > this.options.maxDocBytes) {
      throw new ProtocolError('docTooLarge', `board would exceed ${this.options.maxDocBytes} bytes`)
    }
    const started = performance.now()
    const verdict = this.gate!.check(update, context)
    if (!verdict.ok) throw new ProtocolError(verdict.reason, verdict.detail)
    Y.applyUpdate(this.doc, update, connection)
    // Others' concurrent edits can still break the parent structure (a frame deleted while a
    // note moved into it); repaired at once, it is stored and relayed in the same batch.
    const recheck = [...verdict.touchedRecords]
    if (verdict.deletedRecords.size > 0)
      recheck.push(...childrenOf(this.doc, verdict.deletedRecords))
    repairParents(this.doc, 'repair', recheck, verdict.touchedRecords)
    // A client of the release before writes x and y as two keys; folded at once into `xy`.
    upgradeLegacyPositions(recordsMap(this.doc), 'repair', verdict.touchedRecords)
    this.metrics.applySeconds.observe((performance.now() - started) / 1000)
  }

  /**
   * Answers a connection's request for the doc (or every presence) now if it is the first
   * or the last answer is old enough, else once when the interval ends, with the newest state
   * vector asked for: ten requests in a row cost one answer, not ten encodings of the board.
   */
  private answerRepeats(connection: Connection, kind: 'stateVector' | 'awareness') {
    const repeats = connection.repeats
    const last = repeats.answeredAt[kind]
    const wait = last === undefined ? 0 : last + REPEAT_ANSWER_INTERVAL_MS - Date.now()
    if (wait > 0) {
      repeats.timer ??= setTimeout(() => {
        repeats.timer = undefined
        if (!this.connections.has(connection)) return
        if (repeats.stateVector) this.answerRepeats(connection, 'stateVector')
        if (repeats.awareness) this.answerRepeats(connection, 'awareness')
      }, wait)
      return
    }
    repeats.answeredAt[kind] = Date.now()
    if (kind === 'awareness') {
      repeats.awareness = false
      return this.send(connection, this.awarenessMessage([...this.awareness.getStates().keys()]))
    }
    const stateVector = repeats.stateVector!
    repeats.stateVector = undefined
    const reply = encoding.createEncoder()
    encoding.writeVarUint(reply, MESSAGE_SYNC)
    encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(reply, this.encodeDiff(stateVector))
    this.send(connection, encoding.toUint8Array(reply))
  }

  /** What a client with `stateVector` lacks; the whole doc is encoded once per change. */
  private encodeDiff(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0)
      return Y.encodeStateAsUpdate(this.doc, stateVector)
    if (this.fullState?.version !== this.docVersion) {
      this.fullState = { version: this.docVersion, update: Y.encodeStateAsUpdate(this.doc) }
    }
    return this.fullState.update
  }

  private receiveAwareness(connection: Connection, decoder: decoding.Decoder) {
    const update = readBytes(decoder)
    if (update.byteLength > MAX_AWARENESS_BYTES) {
      throw new ProtocolError('messageTooBig', `awareness update of ${update.byteLength} bytes`)
    }
    try {
      // Counted before applying, nulls included: each id seen stays in the awareness' clocks.
      for (const id of awarenessClientIds(update)) connection.announcedIds.add(id)
      if (connection.announcedIds.size > MAX_AWARENESS_IDS_PER_CONNECTION) {
        throw new ProtocolError('protocolViolation', 'too many awareness clients on one connection')
      }
      const owned = this.presenceOwners.claim(connection, update)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, owned, connection)
    } catch (error) {
      if (error instanceof ProtocolError) throw error
      throw new ProtocolError('protocolViolation', `malformed awareness update: ${String(error)}`)
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    this.docVersion++
    const from = this.connections.has(origin as Connection) ? (origin as Connection) : undefined
    // The server's own writes (migration, import, gather) bypass the gate; keep it in step.
    if (!from) this.gate?.mirror(update)
    this.pending.push({ update, from })
    if (!this.flushQueued) {
      this.flushQueued = true
      setImmediate(() => void this.flush())
    }
  }

  /** Queues one step on the storage chain; a step handles its own errors. */
  private afterStorage(step: () => Promise<void>): Promise<void> {
    this.storageSteps++
    const done = this.storing.then(step).finally(() => this.storageSteps--)
    this.storing = done.catch(() => undefined)
    return done
  }

  /**
   * Stores what is pending, then relays it; resolves once everything that was pending when
   * it was called is stored. Also called before a server-side read and before unloading.
   */
  flush = (): Promise<void> => {
    if (this.pending.length === 0 && this.storageSteps === 0) return Promise.resolve()
    return this.afterStorage(() => this.storePending())
  }

  private async storePending() {
    this.flushQueued = false
    if (this.pending.length === 0 || this.storageFailed || this.destroyed) return
    const batch = this.pending
    this.pending = []
    const started = performance.now()
    const updates = batch.map((p) => p.update)
    try {
      this.lastSeq = await this.storage.appendUpdates(this.boardId, updates)
    } catch (error) {
      // Nothing was relayed: peers never saw these updates, and storage keeps the last good state.
      this.storageFailed = true
      this.options.onStorageFailure(this, error)
      return
    }
    this.options.onStorageSuccess()
    this.metrics.persistSeconds.observe((performance.now() - started) / 1000)
    this.updatesSinceCompaction += batch.length
    this.storedBytes += updates.reduce((n, u) => n + u.byteLength, 0)
    if (this.destroyed) return

    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, merged)
    const message = encoding.toUint8Array(encoder)
    const onlyFrom = batch.every((p) => p.from === batch[0]!.from) ? batch[0]!.from : undefined
    for (const connection of this.connections) {
      if (connection !== onlyFrom) this.send(connection, message)
    }
    if (this.updatesSinceCompaction >= this.options.compactEveryUpdates) await this.compactNow()
  }

  /**
   * Folds the stored updates into one snapshot of the current doc. A failed compaction loses
   * nothing (the updates stay stored), so it is reported and the room carries on.
   */
  compact(): Promise<void> {
    return this.afterStorage(() => this.compactNow())
  }

  /** Runs on the storage chain, so no other write of this room is in flight. */
  private async compactNow() {
    // The snapshot must hold exactly what is stored: store what is pending first. Updates that
    // keep arriving while that is stored put compaction off to a quieter moment.
    for (let round = 0; this.pending.length > 0; round++) {
      if (round === 3) return
      await this.storePending()
    }
    if (this.storageFailed || this.destroyed) return
    const snapshot = encodeSnapshot(this.doc)
    try {
      await this.storage.compact(this.boardId, snapshot, this.lastSeq)
    } catch (error) {
      this.options.onCompactionFailure(this, error)
      return
    }
    this.updatesSinceCompaction = 0
    this.storedBytes = snapshot.byteLength
  }

  /** Closes every client (after a storage failure); they reconnect and sync afresh. */
  closeAll(code: number, reason: string) {
    for (const connection of this.connections) connection.socket.close(code, reason)
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
    if (this.presenceTimer) return
    if (this.relaysPresenceAtOnce()) return this.flushPresence()
    this.presenceTimer = setTimeout(this.flushPresence, this.options.awarenessIntervalMs)
  }

  /**
   * A table of six sees each cursor move at once, as with the reference server. A plenary,
   * or a room where a peer's socket is backed up, gets them in batches: each move sent alone
   * to every one of 150 peers is what saturates the server and the slow peer.
   */
  private relaysPresenceAtOnce(): boolean {
    if (this.connections.size > this.options.presenceBatchAbove) return false
    for (const connection of this.connections) {
      if (connection.socket.bufferedAmount > BACKED_UP_BYTES) return false
    }
    return true
  }

  private flushPresence = () => {
    this.presenceTimer = undefined
    if (this.changedPresence.size > 0) {
      const message = this.awarenessMessage([...this.changedPresence])
      this.changedPresence.clear()
      for (const connection of this.connections) this.send(connection, message)
    }
    this.forgetLeftPresence()
  }

  /** Only ids y-protocols still has a clock for can be encoded (it throws on the others). */
  private awarenessMessage(clients: number[]): Uint8Array {
    const known = clients.filter((id) => this.awareness.meta.has(id))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, known),
    )
    return encoding.toUint8Array(encoder)
  }

  /**
   * Sends one message, unless the socket is too far behind: a reader that does not keep up
   * would make the server hold everything sent to it. It is closed with 1013 instead, and its
   * client reconnects and syncs afresh (the whole doc once, not every change it missed).
   */
  send(connection: Connection, message: Uint8Array) {
    const socket = connection.socket
    if (socket.readyState !== WebSocket.OPEN) return
    // One message alone (the whole board for a joining client) never counts as too slow.
    const queued = socket.bufferedAmount
    if (queued > 0 && queued + message.byteLength > this.options.maxBufferedBytes) {
      this.metrics.closes.inc({ reason: 'tooSlow' })
      socket.close(CloseCode.tooSlow, 'too far behind')
      // A reader this slow may not read the close frame either; free its buffer regardless.
      setTimeout(() => socket.terminate(), 1000).unref()
      return
    }
    socket.send(message)
    this.metrics.messagesOut.inc()
    this.metrics.bytesOut.inc(message.byteLength)
  }

  /** Stores what is pending, then frees the room. */
  async destroy() {
    if (this.destroyed) return
    await this.flush()
    this.destroyOnly()
  }

  /**
   * Frees the room without storing what is pending: for a board being erased, or a room whose
   * storage failed (the next load starts from what was stored).
   */
  destroyOnly() {
    if (this.destroyed) return
    this.destroyed = true
    this.pending = []
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
