import { createTLSchema } from '@tldraw/tlschema'
import { recordsMap } from '../../shared/board/boardDoc'
import { migrateBoard } from '../../shared/board/migrateBoard'
import { upgradeLegacyPositions } from '../../shared/board/recordLayout'
import { restoreBoard } from '../../shared/board/restoreBoard'
import type { Logger } from '../logger'
import type { SyncMetrics } from '../metrics'
import type { Storage } from '../storage/Storage'
import { CloseCode } from '../../shared/closeCodes'
import { StorageHealth, storageErrorCode } from '../storage/StorageHealth'
import { Room, type RoomOptions } from './Room'
import type { CloseReason } from '../../shared/closeCodes'
import type { Cluster } from '../cluster/Cluster'
import { AppendConflict } from '../storage/postgres/UpdateGroupCommit'

export class RoomLoadError extends Error {
  constructor(
    message: string,
    /** The database could not be read (it may be restarting): trying again later can help. */
    readonly transient = false,
  ) {
    super(message)
  }
}

export class RoomLimitError extends Error {}

type StorageHooks = 'onStorageFailure' | 'onCompactionFailure' | 'onStorageSuccess' | 'onRebuilt'

export interface RoomRegistryOptions extends Omit<RoomOptions, StorageHooks> {
  graceMs: number
  maxRooms: number
}

const schema = createTLSchema()

/**
 * The rooms that are loaded: a room is loaded from storage when its first client connects,
 * and compacted and unloaded a grace period after its last client leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, ReturnType<typeof setTimeout>>()
  /** Boards whose stored doc is being read; a second open of one waits for the same load. */
  private readonly loading = new Map<string, Promise<Room>>()
  /** Boards being stored and freed after their last client left. */
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly roomOptions: RoomOptions
  /** Set when several nodes share the boards: rooms load and leave through it. */
  private cluster: Cluster | undefined

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: RoomRegistryOptions,
    private readonly metrics: SyncMetrics,
    private readonly health = new StorageHealth(),
  ) {
    this.roomOptions = {
      ...options,
      onStorageFailure: (room, error) => this.storageFailed(room, error),
      onCompactionFailure: (room, error) => {
        this.health.recordFailure(error)
        this.log.error(
          {
            room: room.boardId,
            reason: 'storageFailed',
            code: storageErrorCode(error),
            err: error,
          },
          'compaction failed; the board keeps its stored updates',
        )
      },
      onStorageSuccess: () => this.health.recordSuccess(),
      onRebuilt: (room, rebuild) =>
        this.log.info({ room: room.boardId, ...rebuild }, 'doc rebuilt from its records'),
    }
  }

  /**
   * Storing a room's updates failed (a full disk): nothing of them was relayed, so the room is
   * dropped unstored and its clients closed with 1011. They reconnect, the board loads again
   * from its last stored state, and their unsaved edits come back from their own copies once
   * storage takes writes again. Other rooms carry on.
   */
  private storageFailed(room: Room, error: unknown) {
    // Another node owns the board now (this one stalled past its lease): not a failure.
    if (error instanceof AppendConflict) return this.drop(room, 'ownerChanged', error.message)
    this.health.recordFailure(error)
    this.log.error(
      {
        room: room.boardId,
        reason: 'storageFailed',
        code: storageErrorCode(error),
        clients: room.connections.size,
        err: error,
      },
      'STORAGE FAILED: update not stored; board reloads from its last stored state',
    )
    this.dropUnstored(room, CloseCode.storageFailed, 'storage failed')
  }

  /** Several nodes: this node lost the board's lease, so it drops the room unstored. */
  drop(room: Room, reason: CloseReason, why: string) {
    this.log.warn(
      { room: room.boardId, reason, detail: why, clients: room.connections.size },
      'board dropped; its clients reconnect',
    )
    this.dropUnstored(room, CloseCode[reason], reason)
  }

  private dropUnstored(room: Room, code: number, reason: string) {
    room.closeAll(code, reason)
    if (this.rooms.get(room.boardId) === room) {
      this.cancelUnload(room.boardId)
      this.rooms.delete(room.boardId)
      this.metrics.roomsLoaded.set(this.rooms.size)
    }
    // Freed after this turn: the failing step may be running inside unload or compact.
    setImmediate(() => {
      room.connections.clear()
      room.destroyOnly()
      void this.cluster?.detach(room.boardId, room)
    })
  }

  /** Several nodes share the boards from now on (call before the first room loads). */
  joinCluster(cluster: Cluster) {
    this.cluster = cluster
  }

  get size() {
    return this.rooms.size
  }

  get(boardId: string): Room | undefined {
    return this.rooms.get(boardId)
  }

  /** Resolves once a board that is being unloaded has been stored. */
  async stored(boardId: string): Promise<void> {
    await this.unloading.get(boardId)
  }

  all(): Room[] {
    return [...this.rooms.values()]
  }

  /**
   * Returns the loaded room, loading it first. Rejects with RoomLoadError if storage is
   * unreadable and RoomLimitError when MAX_ROOMS boards are already loaded. Callers opening
   * the same board at once share one load.
   */
  async open(boardId: string): Promise<Room> {
    this.cancelUnload(boardId)
    const loaded = this.rooms.get(boardId)
    if (loaded) return loaded
    const loading = this.loading.get(boardId)
    if (loading) return loading
    if (this.rooms.size + this.loading.size >= this.options.maxRooms) {
      throw new RoomLimitError(`${this.options.maxRooms} boards are already loaded`)
    }
    const load = this.loadAfterUnload(boardId).finally(() => this.loading.delete(boardId))
    this.loading.set(boardId, load)
    const room = await load
    this.rooms.set(boardId, room)
    this.metrics.roomsLoaded.set(this.rooms.size)
    return room
  }

  /** A board still being unloaded is stored first, so the new room starts from all of it. */
  private async loadAfterUnload(boardId: string): Promise<Room> {
    await this.unloading.get(boardId)
    return this.load(boardId)
  }

  private async load(boardId: string): Promise<Room> {
    const started = performance.now()
    let stored
    let earlierClocks
    try {
      await this.cluster?.beforeLoad(boardId)
      stored = await this.storage.loadDoc(boardId)
      earlierClocks = await this.storage.epochClocks(boardId)
    } catch (error) {
      await this.cluster?.detach(boardId, undefined)
      throw new RoomLoadError(`stored data could not be read: ${String(error)}`, true)
    }
    const room = new Room(boardId, this.storage, this.roomOptions, this.metrics)
    try {
      room.load(stored.snapshot, stored.updates, stored.lastSeq, earlierClocks)
    } catch (error) {
      room.destroyOnly()
      await this.cluster?.detach(boardId, undefined)
      throw new RoomLoadError(`stored update is corrupt: ${String(error)}`)
    }
    // Before repairs write anything: a replica's repairs go to the owner, not to storage.
    this.cluster?.attach(room)
    // Whatever the stored doc holds, nothing here may throw past this one room.
    try {
      this.repair(room)
    } catch (error) {
      room.destroyOnly()
      await this.cluster?.detach(boardId, room)
      throw new RoomLoadError(`board could not be repaired: ${String(error)}`)
    }
    this.log.info(
      {
        room: boardId,
        ms: Math.round(performance.now() - started),
        updates: stored.updates.length,
      },
      'room loaded',
    )
    return room
  }

  /** Repairs what an older or buggy writer stored, then migrates the records' schema. */
  private repair(room: Room) {
    const boardId = room.boardId
    const restored = restoreBoard(room.doc, 'restore')
    if (restored.removedMeta.length + restored.removedRecords.length + restored.reparented.length) {
      this.log.warn({ room: boardId, ...restored }, 'board repaired on load')
    }
    const upgraded = upgradeLegacyPositions(recordsMap(room.doc), 'restore')
    if (upgraded.length > 0) {
      this.log.info({ room: boardId, records: upgraded.length }, 'board positions upgraded')
    }
    const migration = migrateBoard(room.doc, schema)
    if (migration.kind === 'failed') {
      this.log.error({ room: boardId, reason: migration.reason }, 'board migration failed')
    } else if (migration.kind === 'migrated') {
      this.log.info({ room: boardId, records: migration.changedRecords }, 'board migrated')
    }
  }

  /** Called when a room's last connection left: unload it after the grace period. */
  scheduleUnload(boardId: string) {
    const room = this.rooms.get(boardId)
    if (!room || room.connections.size > 0) return
    this.cancelUnload(boardId)
    const timer = setTimeout(() => void this.unload(boardId), this.options.graceMs)
    timer.unref()
    this.unloadTimers.set(boardId, timer)
  }

  private cancelUnload(boardId: string) {
    const timer = this.unloadTimers.get(boardId)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(boardId)
  }

  /**
   * Compacts and frees a room no one is connected to. It leaves the map at once, so a client
   * arriving meanwhile loads a new room, which waits for this one to be stored.
   */
  async unload(boardId: string): Promise<void> {
    this.cancelUnload(boardId)
    const room = this.rooms.get(boardId)
    if (!room || room.connections.size > 0) return
    this.rooms.delete(boardId)
    this.metrics.roomsLoaded.set(this.rooms.size)
    const unloading = this.storeAndFree(room).finally(() => {
      if (this.unloading.get(boardId) === unloading) this.unloading.delete(boardId)
    })
    this.unloading.set(boardId, unloading)
    await unloading
    this.log.info({ room: boardId }, 'room unloaded')
  }

  private async storeAndFree(room: Room) {
    await room.compact({ mayRebuild: true })
    await room.destroy()
    await this.cluster?.detach(room.boardId, room)
  }

  /**
   * Drops a room without storing it, for a board being erased. Its sockets must be closed
   * first; their late close events find no room.
   */
  discard(boardId: string) {
    this.cancelUnload(boardId)
    const room = this.rooms.get(boardId)
    if (!room) return
    room.connections.clear()
    room.destroyOnly()
    void this.cluster?.detach(boardId, room)
    this.rooms.delete(boardId)
    this.metrics.roomsLoaded.set(this.rooms.size)
    this.log.info({ room: boardId }, 'room discarded')
  }

  /** Stores every room and unloads it; used on shutdown. */
  async unloadAll(): Promise<void> {
    const rooms = [...this.rooms.values()]
    for (const boardId of this.rooms.keys()) this.cancelUnload(boardId)
    this.rooms.clear()
    this.metrics.roomsLoaded.set(0)
    await Promise.all([...rooms.map((room) => this.storeAndFree(room)), ...this.unloading.values()])
  }
}
