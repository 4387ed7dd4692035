import * as Y from 'yjs'
import { createTLSchema } from '@tldraw/tlschema'
import { migrateBoard } from '../../shared/board/migrateBoard'
import type { Logger } from '../logger'
import type { Storage } from '../storage/Storage'
import { Room } from './Room'

export class RoomLoadError extends Error {}

export interface RoomRegistryOptions {
  graceMs: number
  compactEveryUpdates: number
}

const schema = createTLSchema()

/**
 * The rooms that are loaded: a room is loaded from storage when its first client connects,
 * and compacted and unloaded a grace period after its last client leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: RoomRegistryOptions,
  ) {}

  get size() {
    return this.rooms.size
  }

  get(boardId: string): Room | undefined {
    return this.rooms.get(boardId)
  }

  all(): Room[] {
    return [...this.rooms.values()]
  }

  /** Returns the loaded room, loading it first; throws RoomLoadError if storage is unreadable. */
  open(boardId: string): Room {
    this.cancelUnload(boardId)
    const loaded = this.rooms.get(boardId)
    if (loaded) return loaded
    const room = this.load(boardId)
    this.rooms.set(boardId, room)
    return room
  }

  private load(boardId: string): Room {
    const started = performance.now()
    let stored
    try {
      stored = this.storage.loadDoc(boardId)
    } catch (error) {
      throw new RoomLoadError(`stored data could not be read: ${String(error)}`)
    }
    const room = new Room(
      boardId,
      this.storage,
      { compactEveryUpdates: this.options.compactEveryUpdates },
      stored.lastSeq,
    )
    try {
      Y.transact(room.doc, () => {
        if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot, 'storage')
        for (const update of stored.updates) Y.applyUpdate(room.doc, update, 'storage')
      })
    } catch (error) {
      room.destroy()
      throw new RoomLoadError(`stored update is corrupt: ${String(error)}`)
    }
    // Loading re-emits the stored updates; they are already stored, so nothing is pending.
    room.discardPending()
    const migration = migrateBoard(room.doc, schema)
    if (migration.kind === 'failed') {
      this.log.error({ room: boardId, reason: migration.reason }, 'board migration failed')
    } else if (migration.kind === 'migrated') {
      this.log.info({ room: boardId, records: migration.changedRecords }, 'board migrated')
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

  /** Called when a room's last connection left: unload it after the grace period. */
  scheduleUnload(boardId: string) {
    const room = this.rooms.get(boardId)
    if (!room || room.connections.size > 0) return
    this.cancelUnload(boardId)
    const timer = setTimeout(() => this.unload(boardId), this.options.graceMs)
    timer.unref()
    this.unloadTimers.set(boardId, timer)
  }

  private cancelUnload(boardId: string) {
    const timer = this.unloadTimers.get(boardId)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(boardId)
  }

  unload(boardId: string) {
    this.cancelUnload(boardId)
    const room = this.rooms.get(boardId)
    if (!room || room.connections.size > 0) return
    room.compact()
    room.destroy()
    this.rooms.delete(boardId)
    this.log.info({ room: boardId }, 'room unloaded')
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
    room.discardPending()
    room.destroy()
    this.rooms.delete(boardId)
    this.log.info({ room: boardId }, 'room discarded')
  }

  /** Stores every room and unloads it; used on shutdown. */
  unloadAll() {
    for (const [boardId, room] of this.rooms) {
      this.cancelUnload(boardId)
      room.compact()
      room.destroy()
    }
    this.rooms.clear()
  }
}
