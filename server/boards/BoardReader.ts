import * as Y from 'yjs'
import { readRecords, type RecordJson } from '../../shared/board/boardDoc'
import { computeOutcome, type Outcome } from '../../shared/factors'
import type { Storage } from '../storage/Storage'
import type { RoomRegistry } from '../sync/RoomRegistry'
import { docFromStored } from '../storage/storedDoc'

/** Outcomes kept; each is a board's factor texts, far smaller than its doc. */
const CACHED_OUTCOMES = 512

/**
 * Reads boards for REST calls without loading rooms: a board that is loaded is read from its
 * room, any other straight from storage, and nothing is pinned in memory afterwards. Reading
 * never counts against MAX_ROOMS, so read-only calls cannot exhaust the rooms.
 *
 * Outcomes (what the overview polls every few seconds) are cached by the board's stored
 * version, so an unchanged board costs one indexed query instead of a rebuild from storage.
 */
export class BoardReader {
  private readonly outcomes = new Map<string, { version: number; outcome: Outcome }>()

  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomRegistry,
  ) {}

  /** Runs `read` on the board's doc: the live one, or a throw-away copy from storage. */
  async withDoc<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T> {
    // A board being unloaded is read once it is stored, not from what storage had before.
    await this.rooms.stored(boardId)
    const room = this.rooms.get(boardId)
    if (room) return read(room.doc)
    const doc = docFromStored(await this.storage.loadDoc(boardId))
    try {
      return read(doc)
    } finally {
      doc.destroy()
    }
  }

  records(boardId: string): Promise<RecordJson[]> {
    return this.withDoc(boardId, readRecords)
  }

  /** The board's outcome, computed again only when something was stored since. */
  async outcome(boardId: string): Promise<Outcome> {
    const version = await this.storage.docVersion(boardId)
    const cached = this.outcomes.get(boardId)
    if (cached && cached.version === version && this.isStored(boardId)) {
      this.outcomes.delete(boardId)
      this.outcomes.set(boardId, cached)
      return cached.outcome
    }
    const outcome = computeOutcome(await this.records(boardId))
    this.outcomes.delete(boardId)
    this.outcomes.set(boardId, { version, outcome })
    if (this.outcomes.size > CACHED_OUTCOMES) {
      this.outcomes.delete(this.outcomes.keys().next().value!)
    }
    return outcome
  }

  /** Forgets a board, e.g. one being erased. */
  forget(boardId: string) {
    this.outcomes.delete(boardId)
  }

  /** A loaded room may hold changes of this very turn that storage has not seen yet. */
  private isStored(boardId: string): boolean {
    return !this.rooms.get(boardId)?.hasPending
  }
}
