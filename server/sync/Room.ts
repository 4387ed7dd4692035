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
import { readEpoch } from '../../shared/board/boardEpoch'
import { EarlierEpochs } from './epochs/EarlierEpochs'
import { planRebuild } from './epochs/rebuildDoc'
import { applyStoredDoc, encodeSnapshot } from '../storage/storedDoc'
import { KeyedSerial } from '../storage/KeyedSerial'
import { RemoteWrite, type ForwardedWriter, type ForwardVerdict, type RoomLink } from './RoomLink'
import { addsPastRecordLimit } from '../../shared/board/recordLimit'

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
/** A replica's connection may have this many updates on their way to the owner at once. */
const MAX_FORWARDS_IN_FLIGHT = 64

/** The origin of what a replica applies from its owner: stored already, so not stored again. */
const FROM_OWNER = Symbol('fromOwner')

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
  from: Connection | RemoteWrite | undefined
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
  /** Called when the doc was rebuilt into a new epoch as it unloaded (server/sync/epochs). */
  onRebuilt: (
    room: Room,
    rebuild: { epoch: number; bytesBefore: number; bytesAfter: number },
  ) => void
  compactEveryUpdates: number
  /** See Config.rebuildRatio. */
  rebuildRatio: number
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
  private earlierEpochs: EarlierEpochs | undefined
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
  /** Set when nodes share the board (server/cluster): how this room reaches the others. */
  private link: RoomLink | undefined
  /** Only the owner stores; a replica forwards to it and applies what it published. */
  private role: 'owner' | 'replica' = 'owner'
  private catchingUp: Promise<void> | undefined
  /** Owner: forwarded updates of one connection on another node, in the order it sent them. */
  private readonly forwardedTurns = new KeyedSerial()
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

  /**
   * Fills the doc from storage; throws if a stored update is corrupt. `earlierClocks` are the
   * state vectors of the board's earlier epochs (Storage.epochClocks).
   */
  load(
    snapshot: Uint8Array | undefined,
    updates: Uint8Array[],
    lastSeq: number,
    earlierClocks: readonly Uint8Array[] = [],
  ) {
    applyStoredDoc(this.doc, { snapshot, updates }, 'storage')
    this.earlierEpochs = new EarlierEpochs(earlierClocks)
    this.lastSeq = lastSeq
    this.storedBytes = (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0)
    this.gate = new UpdateGate(this.doc, this.options.maxRecords)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Joins a cluster of nodes, as the board's owner or as a replica of it. */
  attach(link: RoomLink, role: 'owner' | 'replica') {
    this.link = link
    this.role = role
  }

  get isOwner() {
    return this.role === 'owner'
  }

  /** The seq of the last stored update this room's doc holds. */
  get storedSeq() {
    return this.lastSeq
  }

  /** Presence ids this node's own connections speak for. */
  localPresenceIds(): number[] {
    return [...this.connections].flatMap((connection) => [...connection.awarenessIds])
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
    const before = recordsMap(this.doc).size
    if (addsPastRecordLimit(before, before + records, this.options.maxRecords)) {
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
    // A viewer's update never leaves the node it connected to.
    if (connection.readOnly) return
    if (this.role === 'replica') return this.forwardFrom(connection, update)
    await this.applyChecked(update, connection, connection)
  }

  /**
   * Replica: sends a writer's update to the owner without waiting for its verdict, so the
   * connection's next frames (its cursor, its next edit) are not held for a round trip; the
   * owner takes one connection's updates in the order sent. Past MAX_FORWARDS_IN_FLIGHT
   * unanswered updates the connection waits (backpressure). A refusal closes it later, with
   * the owner's reason.
   */
  private async forwardFrom(connection: Connection, update: Uint8Array) {
    const writer = { role: connection.role, participantId: connection.participantId }
    connection.forwardsInFlight = (connection.forwardsInFlight ?? 0) + 1
    const answered = this.link!.forward(update, writer, connection).then((verdict) => {
      connection.forwardsInFlight!--
      if (verdict.ok) return
      const reason = verdict.reason === 'notOwner' ? 'ownerChanged' : verdict.reason
      connection.refuse?.(reason, verdict.detail)
    })
    if (connection.forwardsInFlight > MAX_FORWARDS_IN_FLIGHT) await answered
  }

  /**
   * Owner: checks a writer's update against the policy and the gate, then applies it. From
   * the context's read on nothing awaits, so the gate checks the doc the update meets.
   */
  private async applyChecked(
    update: Uint8Array,
    writer: Pick<Connection, 'boardId' | 'role' | 'participantId'>,
    origin: Connection | RemoteWrite,
  ) {
    const context = await writeContextFor(this.storage, writer)
    // The room may have been dropped (erase, storage failure) while the context was read.
    if (this.destroyed || this.storageFailed) return
    if (this.role !== 'owner')
      throw new ProtocolError('ownerChanged', 'board moved to another node')
    if (this.storedBytes + this.pendingBytes() + update.byteLength > this.options.maxDocBytes) {
      throw new ProtocolError('docTooLarge', `board would exceed ${this.options.maxDocBytes} bytes`)
    }
    if (this.earlierEpochs?.carriedBy(update)) {
      throw new ProtocolError('epochChanged', 'the update carries items of an earlier epoch')
    }
    const started = performance.now()
    const verdict = this.gate!.check(update, context)
    if (!verdict.ok) throw new ProtocolError(verdict.reason, verdict.detail)
    Y.applyUpdate(this.doc, update, origin)
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
   * Owner: an update another node forwarded. It is checked as if its writer were connected
   * here (a server-side write, without writer, is not), stored, and only then answered, so the
   * edge can tell its client the update is safe, or close it with the owner's reason.
   */
  async acceptForwarded(
    update: Uint8Array,
    writer: ForwardedWriter | undefined,
    origin: string | undefined,
  ): Promise<ForwardVerdict> {
    // One connection's updates are checked and applied in the order it sent them (the check
    // reads storage first); storing, which takes longest, is shared by all, outside the turn.
    const applied = await this.forwardedTurns.run(origin ?? '', () =>
      this.applyForwarded(update, writer, origin),
    )
    if (!applied.ok) return applied
    await this.flush()
    if (this.destroyed || this.storageFailed || this.role !== 'owner') {
      return { ok: false, reason: 'notOwner', detail: 'the board was not stored here' }
    }
    return { ok: true }
  }

  private async applyForwarded(
    update: Uint8Array,
    writer: ForwardedWriter | undefined,
    origin: string | undefined,
  ): Promise<ForwardVerdict> {
    if (this.role !== 'owner' || this.destroyed || this.storageFailed) {
      return { ok: false, reason: 'notOwner', detail: 'this node does not own the board' }
    }
    const remote = new RemoteWrite(origin, writer)
    try {
      if (writer) {
        await this.applyChecked(
          update,
          { boardId: this.boardId, role: writer.role, participantId: writer.participantId },
          remote,
        )
      } else {
        try {
          Y.applyUpdate(this.doc, update, remote)
        } catch (error) {
          return { ok: false, reason: 'corruptUpdate', detail: String(error) }
        }
      }
    } catch (error) {
      if (error instanceof ProtocolError) {
        // Stepped down meanwhile: the edge should ask whoever owns the board now.
        const reason = error.reason === 'ownerChanged' ? 'notOwner' : error.reason
        return { ok: false, reason, detail: error.message }
      }
      // Reading the write context failed (the database is away): as for a local connection,
      // the writer is closed with 1011, reconnects, and sends the update again.
      return { ok: false, reason: 'internalError', detail: String(error) }
    }
    return { ok: true }
  }

  /**
   * Replica: what the owner stored as seqs after+1..seq. Applied at once and relayed to this
   * node's connections (Yjs merges in any order); a seq gap means a message was lost on the
   * way, and the room catches up from storage.
   */
  applyStored(after: number, seq: number, update: Uint8Array, exceptOrigin?: string) {
    if (this.destroyed || this.role !== 'replica') return
    this.lastActivity = Date.now()
    try {
      Y.applyUpdate(this.doc, update, FROM_OWNER)
    } catch {
      // Bytes the owner stored cannot be corrupt unless the message was: read them from storage.
      void this.catchUp()
      return
    }
    const message = syncUpdateMessage(update)
    for (const connection of this.connections) {
      if (connection.origin !== exceptOrigin) this.send(connection, message)
    }
    if (after > this.lastSeq) void this.catchUp()
    else if (seq > this.lastSeq) this.lastSeq = seq
  }

  /** Replica: the owner's newest seq; if this room has less, a message went missing. */
  ownerAt(seq: number) {
    if (this.role === 'replica' && seq > this.lastSeq) void this.catchUp()
  }

  /**
   * Replica: reads the stored doc and applies what this room lacks, relaying exactly that to
   * its connections. Rare (a message lost in Redis), so reading the whole board is fine.
   */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.readStored().finally(() => (this.catchingUp = undefined))
    return this.catchingUp
  }

  private async readStored() {
    const stored = await this.storage.loadDoc(this.boardId)
    if (this.destroyed) return
    const before = Y.encodeStateVector(this.doc)
    applyStoredDoc(this.doc, stored, FROM_OWNER)
    this.lastSeq = Math.max(this.lastSeq, stored.lastSeq)
    this.storedBytes =
      (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0)
    const missed = Y.encodeStateAsUpdate(this.doc, before)
    // An update with no structs and no deletions is two bytes long.
    if (missed.byteLength <= 2) return
    const message = syncUpdateMessage(missed)
    for (const connection of this.connections) this.send(connection, message)
  }

  /**
   * Replica becomes owner (its lease was taken after the owner's lapsed): it first reads
   * everything stored since the lease was taken, so nothing the old owner stored is missed;
   * `beforeWriting` learns the last stored seq, from which its appends continue.
   */
  async promote(beforeWriting: (lastSeq: number) => void): Promise<void> {
    // A read already under way may have started before the lease was taken: read once more.
    if (this.catchingUp) await this.catchingUp
    await this.catchUp()
    if (this.destroyed) return
    beforeWriting(this.lastSeq)
    this.role = 'owner'
    if (this.pending.length > 0) void this.flush()
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
    void this.whenStored().then(() => {
      if (this.destroyed || this.storageFailed || !this.connections.has(connection)) return
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MESSAGE_SYNC)
      encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(reply, this.encodeDiff(stateVector))
      this.send(connection, encoding.toUint8Array(reply))
    })
  }

  /**
   * Resolves once what was applied is stored, so a client asking for the doc gets only what
   * can no longer be lost: an update applied a moment ago may still fail to store (the
   * database restarting), and then it must not have reached anyone but its writer, who sends
   * it again. Under a steady stream of edits it stops after a few rounds; what arrives in the
   * last moment is stored a millisecond later.
   */
  private async whenStored() {
    for (let round = 0; round < 3 && this.hasPending; round++) await this.flush()
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
    const from = this.connections.has(origin as Connection)
      ? (origin as Connection)
      : origin instanceof RemoteWrite
        ? origin
        : undefined
    // What the gate did not check (the server's own writes: migration, import, gather; and
    // what a replica applies from its owner) bypassed it; keep it in step.
    const checked = from !== undefined && !(from instanceof RemoteWrite && !from.writer)
    if (!checked) this.gate?.mirror(update)
    if (origin === FROM_OWNER) return
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
    if (this.role === 'replica') return this.forwardServerWrites(batch)
    const started = performance.now()
    const updates = batch.map((p) => p.update)
    const after = this.lastSeq
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
    const message = syncUpdateMessage(merged)
    const onlyFrom = batch.every((p) => p.from === batch[0]!.from) ? batch[0]!.from : undefined
    for (const connection of this.connections) {
      if (connection !== onlyFrom) this.send(connection, message)
    }
    this.link?.stored(after, this.lastSeq, merged, onlyFrom)
    if (this.updatesSinceCompaction >= this.options.compactEveryUpdates) await this.compactNow()
  }

  /**
   * Replica: server-side writes made here (an import, a gather, a repair on load) go to the
   * owner, which stores them. If no owner takes them, the room is dropped as on a storage
   * failure: its doc holds what storage does not, and the next load starts from storage.
   */
  private async forwardServerWrites(batch: PendingUpdate[]) {
    const merged = Y.mergeUpdates(batch.map((p) => p.update))
    const verdict = await this.link!.forward(merged, undefined, undefined)
    if (verdict.ok || this.destroyed) return
    this.storageFailed = true
    this.options.onStorageFailure(this, new Error(`owner did not store: ${verdict.detail}`))
  }

  /**
   * Folds the stored updates into one snapshot of the current doc. A failed compaction loses
   * nothing (the updates stay stored), so it is reported and the room carries on.
   */
  compact(options: { mayRebuild?: boolean } = {}): Promise<void> {
    return this.afterStorage(() => this.compactNow(options.mayRebuild ?? false))
  }

  /** The epoch of this room's doc (shared/board/boardEpoch). */
  get epoch(): number {
    return readEpoch(this.doc)
  }

  /**
   * Runs on the storage chain, so no other write of this room is in flight. `mayRebuild` (the
   * room is unloading) lets it store the doc rebuilt from its records instead, when that is
   * worth it and nobody has the doc open: not while a client is connected, nor in a cluster,
   * where another node's room may hold the doc of this epoch.
   */
  private async compactNow(mayRebuild = false) {
    // Only the owner writes; a replica's doc is at most what the owner stored.
    if (this.role !== 'owner') return
    // The snapshot must hold exactly what is stored: store what is pending first. Updates that
    // keep arriving while that is stored put compaction off to a quieter moment.
    for (let round = 0; this.pending.length > 0; round++) {
      if (round === 3) return
      await this.storePending()
    }
    if (this.storageFailed || this.destroyed) return
    if (mayRebuild && !this.link && this.connections.size === 0 && (await this.rebuildNow())) return
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

  /** Stores the doc rebuilt into the next epoch, if worth it; returns whether it did. */
  private async rebuildNow(): Promise<boolean> {
    const plan = planRebuild(this.doc, this.options.rebuildRatio)
    if (!plan) return false
    try {
      const stored = await this.storage.rebuildDoc(this.boardId, {
        snapshot: encodeSnapshot(plan.rebuilt),
        uptoSeq: this.lastSeq,
        baseEpoch: this.epoch,
        base: encodeSnapshot(this.doc),
        baseClocks: Y.encodeStateVector(this.doc),
      })
      if (!stored) return false
      const { bytesBefore, bytesAfter } = plan
      this.options.onRebuilt(this, { epoch: readEpoch(plan.rebuilt), bytesBefore, bytesAfter })
      this.updatesSinceCompaction = 0
      return true
    } catch (error) {
      this.options.onCompactionFailure(this, error)
      return false
    } finally {
      plan.rebuilt.destroy()
    }
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
    const changed = [...added, ...updated, ...removed]
    for (const id of changed) this.changedPresence.add(id)
    // Presence of this node's own connections (or their leaving) goes to the other nodes;
    // what came from them (a RemotePresence origin) must not go back, or nodes would loop.
    if (this.link && !(origin instanceof RemotePresence) && changed.length > 0) {
      const known = changed.filter((id) => this.awareness.meta.has(id))
      this.link.presence(awarenessProtocol.encodeAwarenessUpdate(this.awareness, known))
    }
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

/** Presence applied from another node. */
export class RemotePresence {
  constructor(readonly nodeId: string) {}
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
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
