import type { CloseReason } from '../../shared/closeCodes'
import type { Day } from '../day/Day'
import type { Logger } from '../logger'
import type { Connection } from '../sync/Connection'
import type { Room } from '../sync/Room'
import { type ForwardedWriter, type ForwardVerdict, type RoomLink } from '../sync/RoomLink'
import {
  decodeClusterMessage,
  encodeClusterMessage,
  type ClusterHeader,
  type ClusterMessage,
} from './clusterMessages'
import { channels, type RedisBus } from './RedisBus'
import { RemotePresenceBook } from './RemotePresenceBook'
import type { Lease, RoomLeases } from './RoomLeases'

/** What the cluster needs of the room registry. */
export interface ClusterRooms {
  get(boardId: string): Room | undefined
  /** Drops a room unstored and closes its clients (this node lost the board's lease). */
  drop(room: Room, reason: CloseReason, why: string): void
  /** Drops rooms of erased boards (their sockets are closed already). */
  discard(boardId: string): void
}

/** What the cluster needs of the sync endpoint. */
export interface ClusterSockets {
  closeWhere(predicate: (connection: Connection) => boolean, reason: CloseReason): void
}

/** Which writes the storage lets this node make (PostgresStorage.writeFences). */
export interface WriteFences {
  fence(boardId: string, fence: Lease, lastSeq: number): void
  unfence(boardId: string): void
}

export interface ClusterOptions {
  /** A lease lapses this long after its last renewal; renewed every third of it. */
  leaseMs: number
  /** Each loaded room's heartbeat (the owner's seq, a node's presence ids). */
  heartbeatMs: number
  /** A forwarded update unanswered this long is sent again (to whoever owns the board now). */
  forwardTimeoutMs: number
  /** Presence of a node silent this long is removed. */
  presenceExpiryMs: number
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  leaseMs: 6000,
  heartbeatMs: 1000,
  forwardTimeoutMs: 3000,
  presenceExpiryMs: 5000,
}

/** A loaded room as the cluster sees it. */
interface Member {
  boardId: string
  room: Room | undefined
  /** Messages that arrived between subscribing and the room's load; applied on attach. */
  early: ClusterMessage[]
  /** Set while this node owns the board. */
  lease: Lease | undefined
  renewedAt: number
  /** The node that owns the board, as last heard (undefined: nobody, as far as we know). */
  holder: string | undefined
  presence: RemotePresenceBook | undefined
  outgoingPresence: Uint8Array[]
  presenceQueued: boolean
  promoting: Promise<void> | undefined
}

const MAX_EARLY_MESSAGES = 256

/**
 * Several nodes serving the same boards (docs/multinode.md). For each loaded board exactly
 * one node owns it: it holds a lease row in PostgreSQL, checks every update, stores it, and
 * only then publishes it on Redis. Every node accepts sockets for any board; a replica sends
 * its writers' updates to the owner and waits for its verdict, and applies what the owner
 * published in seq order, reading from PostgreSQL whatever Redis lost. Redis holds nothing
 * that matters: flushing it costs a pause, never an update.
 */
export class Cluster {
  private readonly members = new Map<string, Member>()
  private readonly waiting = new Map<number, (verdict: ForwardVerdict) => void>()
  private requestSerial = 0
  private readonly timers: ReturnType<typeof setInterval>[] = []
  /** Set while a day event from another node is re-emitted here, so it is not sent back. */
  private relayingDayEvent = false
  private keepingLeases = false
  private stopped = false

  constructor(
    readonly nodeId: string,
    private readonly bus: RedisBus,
    private readonly leases: RoomLeases,
    private readonly fences: WriteFences,
    private readonly rooms: ClusterRooms,
    private readonly sockets: ClusterSockets,
    private readonly day: Day,
    private readonly log: Logger,
    private readonly options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
  ) {}

  async start() {
    await this.bus.subscribe(channels.node(this.nodeId), (bytes) => this.receive(bytes))
    await this.bus.subscribe(channels.all, (bytes) => this.receive(bytes))
    this.day.events.on('changed', (workshopId) =>
      this.relayDay('changed', workshopId, [workshopId]),
    )
    this.day.events.on('attention', (workshopId, event) =>
      this.relayDay('attention', workshopId, [workshopId, event]),
    )
    this.every(this.options.leaseMs / 3, () => this.keepLeases())
    this.every(this.options.heartbeatMs, () => this.heartbeat())
  }

  async stop() {
    this.stopped = true
    for (const timer of this.timers) clearInterval(timer)
    for (const resolve of this.waiting.values()) {
      resolve({ ok: false, reason: 'ownerChanged', detail: 'node stopping' })
    }
    this.waiting.clear()
    await this.bus.close()
  }

  /**
   * Before a board is read from storage: listen to its channel (so nothing published after
   * the read is missed) and try to take its lease (so the read happens as its owner).
   */
  async beforeLoad(boardId: string): Promise<void> {
    const member: Member = {
      boardId,
      room: undefined,
      early: [],
      lease: undefined,
      renewedAt: 0,
      holder: undefined,
      presence: undefined,
      outgoingPresence: [],
      presenceQueued: false,
      promoting: undefined,
    }
    this.members.set(boardId, member)
    await this.bus.subscribe(channels.room(boardId), (bytes) => this.receive(bytes))
    const claim = await this.leases.claim(boardId)
    if ('ours' in claim) {
      member.lease = claim.ours
      member.renewedAt = Date.now()
      member.holder = this.nodeId
    } else {
      member.holder = claim.holder?.nodeId
    }
  }

  /** The room was read: it joins as owner (with its fence set first) or as replica. */
  attach(room: Room) {
    const member = this.members.get(room.boardId)
    if (!member) throw new Error(`board ${room.boardId} was not prepared for the cluster`)
    member.room = room
    member.presence = new RemotePresenceBook(room, this.options.presenceExpiryMs)
    if (member.lease) this.fences.fence(room.boardId, member.lease, room.storedSeq)
    room.attach(this.linkFor(member), member.lease ? 'owner' : 'replica')
    for (const message of member.early.splice(0)) this.handle(message)
  }

  /** The room was freed (unloaded, erased, dropped): give its lease up and stop listening. */
  async detach(boardId: string, room: Room | undefined) {
    const member = this.members.get(boardId)
    // A room dropped a moment ago is detached late; by then a new one of the board may load.
    if (!member || member.room !== room) return
    this.members.delete(boardId)
    await this.bus.unsubscribe(channels.room(boardId))
    if (member.lease) {
      this.fences.unfence(boardId)
      await this.leases.release(boardId, member.lease).catch((error: unknown) => {
        // It lapses by itself in a few seconds; another node then takes over.
        this.log.warn({ room: boardId, err: error }, 'lease could not be given up')
      })
    }
  }

  /** For /healthz: which node this is, whether Redis is reachable, what it owns. */
  status() {
    let owned = 0
    for (const member of this.members.values()) if (member.room?.isOwner) owned++
    return { node: this.nodeId, redis: this.bus.ready ? 'up' : 'down', ownedRooms: owned }
  }

  /** Tells the other nodes to close the connections of a rotated credential. */
  closeCredential(credentialId: string, reason: CloseReason) {
    this.broadcast({ kind: 'close', node: this.nodeId, credentialId, reason })
  }

  /** Tells the other nodes to close and drop erased boards. */
  discardBoards(boardIds: string[], reason: CloseReason) {
    this.broadcast({ kind: 'close', node: this.nodeId, boardIds, reason })
  }

  private linkFor(member: Member): RoomLink {
    return {
      forward: (update, writer, from) => this.forward(member, update, writer, from),
      stored: (after, seq, update, from) => {
        this.publish(
          channels.room(member.boardId),
          {
            kind: 'stored',
            board: member.boardId,
            node: this.nodeId,
            after,
            seq,
            origin: from?.origin,
          },
          [update],
        )
      },
      presence: (update) => this.queuePresence(member, update),
    }
  }

  /**
   * Sends an update to the board's owner and waits for its verdict. No answer in time (the
   * owner died, Redis lost the message) or "not the owner" sends it again to whoever owns the
   * board now, possibly this node itself; Yjs applies an update twice as once.
   */
  private async forward(
    member: Member,
    update: Uint8Array,
    writer: ForwardedWriter | undefined,
    from: Connection | undefined,
  ): Promise<ForwardVerdict> {
    const giveUpAt = Date.now() + this.options.leaseMs * 3
    for (;;) {
      const room = member.room
      if (!room || this.stopped || this.members.get(member.boardId) !== member) {
        return { ok: false, reason: 'ownerChanged', detail: 'the board left this node' }
      }
      if (room.isOwner) return room.acceptForwarded(update, writer, from?.origin)
      if (member.holder && member.holder !== this.nodeId) {
        const verdict = await this.ask(member, member.holder, update, writer, from?.origin)
        if (verdict.ok || verdict.reason !== 'notOwner') return verdict
      }
      if (Date.now() > giveUpAt) {
        return { ok: false, reason: 'ownerChanged', detail: 'no node took the board' }
      }
      await this.lookForOwner(member)
      if (!member.room?.isOwner) await sleep(100)
    }
  }

  private ask(
    member: Member,
    nodeId: string,
    update: Uint8Array,
    writer: ForwardedWriter | undefined,
    origin: string | undefined,
  ): Promise<ForwardVerdict> {
    const id = ++this.requestSerial
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        resolve({ ok: false, reason: 'notOwner', detail: 'the owner did not answer' })
      }, this.options.forwardTimeoutMs)
      this.waiting.set(id, (verdict) => {
        clearTimeout(timer)
        this.waiting.delete(id)
        resolve(verdict)
      })
      this.publish(
        channels.node(nodeId),
        { kind: 'forward', board: member.boardId, node: this.nodeId, id, writer, origin },
        [update],
      )
    })
  }

  /** Reads who holds the lease; if nobody, takes it and becomes the owner. */
  private async lookForOwner(member: Member) {
    try {
      const holder = await this.leases.holder(member.boardId)
      member.holder = holder?.nodeId
      if (!holder) await this.takeOver(member)
    } catch (error) {
      this.log.warn({ room: member.boardId, err: error }, 'lease could not be read')
    }
  }

  /** Claims a free lease and promotes the replica; shared by everyone who asks at once. */
  private takeOver(member: Member): Promise<void> {
    member.promoting ??= this.claimAndPromote(member).finally(() => (member.promoting = undefined))
    return member.promoting
  }

  private async claimAndPromote(member: Member) {
    const room = member.room
    if (!room || room.isOwner) return
    const claim = await this.leases.claim(member.boardId)
    if (!('ours' in claim)) {
      member.holder = claim.holder?.nodeId
      return
    }
    member.lease = claim.ours
    member.renewedAt = Date.now()
    member.holder = this.nodeId
    await room.promote((lastSeq) => this.fences.fence(member.boardId, claim.ours, lastSeq))
    this.log.info({ room: member.boardId, node: this.nodeId }, 'took over the board')
  }

  /** Renews the leases this node holds, and takes over boards whose owner's lease lapsed. */
  private async keepLeases() {
    // A slow database must not stack renewals on top of each other.
    if (this.keepingLeases) return
    this.keepingLeases = true
    try {
      await this.renewAndTakeOver()
    } finally {
      this.keepingLeases = false
    }
  }

  private async renewAndTakeOver() {
    const owned = new Map<string, Lease>()
    const replicas: Member[] = []
    for (const member of this.members.values()) {
      if (!member.room) continue
      if (member.lease && member.room.isOwner) owned.set(member.boardId, member.lease)
      else if (!member.lease) replicas.push(member)
    }
    try {
      const kept = await this.leases.renew(owned)
      const now = Date.now()
      for (const boardId of owned.keys()) {
        const member = this.members.get(boardId)
        if (!member) continue
        if (kept.has(boardId)) member.renewedAt = now
        else this.stepDown(member, 'the lease was lost')
      }
    } catch (error) {
      // PostgreSQL is unreachable: past the lease's end this node cannot prove it owns anything.
      for (const boardId of owned.keys()) {
        const member = this.members.get(boardId)
        if (member && Date.now() - member.renewedAt >= this.options.leaseMs) {
          this.stepDown(member, `the lease could not be renewed: ${String(error)}`)
        }
      }
    }
    if (replicas.length === 0) return
    try {
      const holders = await this.leases.holders(replicas.map((member) => member.boardId))
      for (const member of replicas) {
        member.holder = holders.get(member.boardId)?.nodeId
        if (!member.holder) await this.takeOver(member)
      }
    } catch (error) {
      this.log.warn({ reason: 'leaseCheckFailed', err: error }, 'leases could not be read')
    }
  }

  /** This node no longer owns the board: it writes nothing more, and its clients reconnect. */
  private stepDown(member: Member, why: string) {
    const room = member.room
    this.fences.unfence(member.boardId)
    member.lease = undefined
    this.log.warn({ room: member.boardId, node: this.nodeId, reason: why }, 'gave up the board')
    if (room) this.rooms.drop(room, 'ownerChanged', why)
  }

  private heartbeat() {
    for (const member of this.members.values()) {
      const room = member.room
      if (!room) continue
      const board = member.boardId
      if (room.isOwner) {
        this.publish(channels.room(board), {
          kind: 'head',
          board,
          node: this.nodeId,
          seq: room.storedSeq,
        })
      }
      this.publish(channels.room(board), {
        kind: 'alive',
        board,
        node: this.nodeId,
        ids: room.localPresenceIds(),
      })
      member.presence?.expire()
    }
  }

  /** Presence changes of one room leave in one message per turn of the event loop. */
  private queuePresence(member: Member, update: Uint8Array) {
    member.outgoingPresence.push(update)
    if (member.presenceQueued) return
    member.presenceQueued = true
    setImmediate(() => {
      member.presenceQueued = false
      const updates = member.outgoingPresence.splice(0)
      if (updates.length === 0) return
      this.publish(
        channels.room(member.boardId),
        { kind: 'presence', board: member.boardId, node: this.nodeId },
        updates,
      )
    })
  }

  private relayDay(event: 'changed' | 'attention', workshopId: string, args: unknown[]) {
    if (this.relayingDayEvent) return
    this.broadcast({ kind: 'day', node: this.nodeId, event, workshopId, args })
  }

  private broadcast(header: ClusterHeader) {
    this.publish(channels.all, header)
  }

  private publish(channel: string, header: ClusterHeader, payloads: Uint8Array[] = []) {
    this.bus.publish(channel, encodeClusterMessage(header, payloads))
  }

  private receive(bytes: Buffer) {
    const decoded = decodeClusterMessage(bytes)
    if (!decoded.ok) {
      this.log.debug({ reason: 'clusterMessageSkipped', why: decoded.why }, 'message skipped')
      return
    }
    const header = decoded.message.header
    if ('node' in header && header.node === this.nodeId) return
    if ('board' in header && header.kind !== 'forward') {
      const member = this.members.get(header.board)
      if (member && !member.room) {
        if (member.early.length < MAX_EARLY_MESSAGES) member.early.push(decoded.message)
        return
      }
    }
    this.handle(decoded.message)
  }

  private handle({ header, payloads }: ClusterMessage) {
    switch (header.kind) {
      case 'stored': {
        const member = this.members.get(header.board)
        if (!member?.room || !payloads[0]) return
        member.holder = header.node
        return member.room.applyStored(header.after, header.seq, payloads[0], header.origin)
      }
      case 'head': {
        const member = this.members.get(header.board)
        if (!member?.room) return
        member.holder = header.node
        return member.room.ownerAt(header.seq)
      }
      case 'presence':
        return this.members.get(header.board)?.presence?.apply(header.node, payloads)
      case 'alive':
        return this.members.get(header.board)?.presence?.alive(header.node, header.ids)
      case 'forward':
        return void this.answerForward(header, payloads[0])
      case 'verdict': {
        const { id, ok, reason, detail } = header
        const verdict: ForwardVerdict = ok
          ? { ok: true }
          : { ok: false, reason: reason ?? 'internalError', detail: detail ?? '' }
        return this.waiting.get(id)?.(verdict)
      }
      case 'close':
        return this.closeHere(header)
      case 'day':
        return this.dayHere(header)
    }
  }

  private async answerForward(
    header: Extract<ClusterHeader, { kind: 'forward' }>,
    update: Uint8Array | undefined,
  ) {
    const room = this.rooms.get(header.board)
    const member = this.members.get(header.board)
    let verdict: ForwardVerdict
    if (!update) {
      verdict = { ok: false, reason: 'protocolViolation', detail: 'no update' }
    } else if (!room || member?.room !== room || !room.isOwner) {
      verdict = { ok: false, reason: 'notOwner', detail: 'this node does not own the board' }
    } else {
      verdict = await room.acceptForwarded(update, header.writer, header.origin)
    }
    this.publish(channels.node(header.node), {
      kind: 'verdict',
      id: header.id,
      ok: verdict.ok,
      ...(verdict.ok ? {} : { reason: verdict.reason, detail: verdict.detail.slice(0, 500) }),
    })
  }

  private closeHere(header: Extract<ClusterHeader, { kind: 'close' }>) {
    const { credentialId, boardIds, reason } = header
    if (credentialId) {
      this.sockets.closeWhere((connection) => connection.credentialId === credentialId, reason)
    }
    if (boardIds) {
      const erased = new Set(boardIds)
      this.sockets.closeWhere((connection) => erased.has(connection.boardId), reason)
      for (const boardId of boardIds) this.rooms.discard(boardId)
    }
  }

  private dayHere(header: Extract<ClusterHeader, { kind: 'day' }>) {
    this.day.forget(header.workshopId)
    this.relayingDayEvent = true
    try {
      const emit = this.day.events.emit.bind(this.day.events) as (
        event: string,
        ...args: unknown[]
      ) => boolean
      emit(header.event, ...header.args)
    } finally {
      this.relayingDayEvent = false
    }
  }

  private every(ms: number, task: () => unknown) {
    const timer = setInterval(() => {
      if (!this.stopped) void task()
    }, ms)
    timer.unref()
    this.timers.push(timer)
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
