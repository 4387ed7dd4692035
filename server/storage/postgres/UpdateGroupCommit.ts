import type pg from 'pg'
import { StorageError } from '../Storage'
import { inTransaction } from './postgresPool'
import { toNumber } from './postgresValues'

/** What one commit of queued appends took; for benchmarks and metrics. */
export interface CommitReport {
  /** How many appendUpdates calls the commit carried. */
  appends: number
  /** How many updates (rows) they held together. */
  updates: number
  /** Milliseconds from taking the batch to the commit's end. */
  ms: number
  ok: boolean
}

interface PendingAppend {
  boardId: string
  updates: Uint8Array[]
  resolve(lastSeq: number): void
  reject(error: Error): void
}

/** One board's share of a batch, with the sequence numbers given to its rows. */
interface BoardBatch {
  boardId: string
  appends: PendingAppend[]
  seqs: number[]
  data: Uint8Array[]
}

/**
 * Another writer stored the seq this append was given: this node's idea of the board is out
 * of date (e.g. another node owns the board now), so the caller should stop writing to it,
 * not retry. Distinct from other StorageErrors, which say the database could not be reached.
 */
export class AppendConflict extends StorageError {
  override name = 'AppendConflict'
}

const UNIQUE_VIOLATION = '23505'
const FOREIGN_KEY_VIOLATION = '23503'
/** Ours, not PostgreSQL's: the lease a fenced append relies on is no longer this node's. */
const LEASE_LOST = 'SAMSKAPA_LEASE_LOST'

/** The lease under which this node writes a board it owns (see server/cluster/RoomLeases.ts). */
export interface Fence {
  nodeId: string
  epoch: number
}

/**
 * Appends board updates with app-level group commit: while one transaction is being
 * committed, new appends (for any board) queue up and all go into the next single
 * transaction, so a busy server pays one commit per round trip instead of one per update.
 *
 * Sequence numbers are per board and assigned here from a cached last seq, so an append needs
 * no query to number its rows. If another writer stored the same seq, the unique key rejects
 * the row and the append fails with a StorageError instead of interleaving two histories: a
 * node that lost a board to another node finds out on its next write. The cache entry is then
 * dropped, so whoever opens the board again starts from what is stored.
 */
export class UpdateGroupCommit {
  private queue: PendingAppend[] = []
  private draining: Promise<void> | undefined
  private readonly lastSeqs = new Map<string, number>()
  private readonly fences = new Map<string, Fence>()
  /**
   * Set when nodes share the database: only a board this node holds the lease of is written,
   * and every commit checks that lease in the same transaction. An owner that stalled past its
   * lease (a long GC pause, SIGSTOP) therefore writes nothing once another node took over.
   */
  requireFences = false
  private readonly listeners = new Set<(report: CommitReport) => void>()

  constructor(private readonly pool: pg.Pool) {}

  append(boardId: string, updates: Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ boardId, updates, resolve, reject })
      this.draining ??= this.drain()
    })
  }

  /** Calls `listener` after every commit; returns a function that stops it. */
  onCommit(listener: (report: CommitReport) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tells the numbering that a board was made with its first update as seq 1. */
  boardCreated(boardId: string) {
    this.lastSeqs.set(boardId, 1)
  }

  /**
   * From now on, appends to `boardId` commit only while `fence` is its lease; they continue
   * from `lastSeq`, the last seq this node read after taking the lease.
   */
  fence(boardId: string, fence: Fence, lastSeq: number) {
    this.fences.set(boardId, fence)
    this.lastSeqs.set(boardId, lastSeq)
  }

  /** The lease of `boardId` was given up or lost: this node no longer writes it. */
  unfence(boardId: string) {
    this.fences.delete(boardId)
    this.lastSeqs.delete(boardId)
  }

  /** Forgets boards that were deleted, so a board made again under the id starts afresh. */
  forget(boardIds: string[]) {
    for (const boardId of boardIds) this.lastSeqs.delete(boardId)
  }

  /** Resolves when every append queued so far has committed or failed. */
  async settled(): Promise<void> {
    while (this.draining) await this.draining
  }

  private async drain() {
    try {
      // Let appends issued in the same synchronous run join the first batch.
      await Promise.resolve()
      while (this.queue.length > 0) {
        const batch = this.queue
        this.queue = []
        await this.commitBatch(batch)
      }
    } finally {
      this.draining = undefined
    }
  }

  private async commitBatch(batch: PendingAppend[]) {
    const started = performance.now()
    let ok = false
    try {
      const grouped = groupByBoard(batch)
      const boards = await this.numberRows(grouped)
      ok = (await this.commitBoards(boards)) && boards.length === grouped.length
    } catch (error) {
      // Numbering failed (e.g. the database is unreachable): nothing was written.
      for (const append of batch) append.reject(asStorageError(error, append.boardId))
    }
    const report = {
      appends: batch.length,
      updates: batch.reduce((sum, append) => sum + append.updates.length, 0),
      ms: performance.now() - started,
      ok,
    }
    for (const listener of this.listeners) {
      // A listener's bug must not stop the appends of every board behind it.
      try {
        listener(report)
      } catch {
        this.listeners.delete(listener)
      }
    }
  }

  /** Gives each board's rows the next seqs; boards not seen before are read in one query. */
  private async numberRows(boards: BoardBatch[]): Promise<BoardBatch[]> {
    const unknown = boards.filter((board) => !this.lastSeqs.has(board.boardId))
    if (unknown.length > 0) {
      const stored = await this.storedLastSeqs(unknown.map((board) => board.boardId))
      for (const board of unknown) {
        const last = stored.get(board.boardId)
        if (last !== undefined) this.lastSeqs.set(board.boardId, last)
      }
    }
    const known: BoardBatch[] = []
    for (const board of boards) {
      if (this.requireFences && !this.fences.has(board.boardId)) {
        const error = new AppendConflict(
          `This node does not hold the lease of board ${board.boardId}`,
          board.boardId,
        )
        for (const append of board.appends) append.reject(error)
        continue
      }
      const last = this.lastSeqs.get(board.boardId)
      if (last === undefined) {
        const error = new StorageError(`Board ${board.boardId} does not exist`, board.boardId)
        for (const append of board.appends) append.reject(error)
        continue
      }
      board.seqs = board.data.map((_, index) => last + 1 + index)
      this.lastSeqs.set(board.boardId, last + board.data.length)
      known.push(board)
    }
    return known
  }

  /** A board's last seq counts the compacted ones, whose rows are gone into the snapshot. */
  private async storedLastSeqs(boardIds: string[]): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ id: string; last: string }>(
      `SELECT b.id, GREATEST(
           COALESCE((SELECT MAX(u.seq) FROM updates u WHERE u.board_id = b.id), 0),
           COALESCE((SELECT s.upto_seq FROM snapshots s WHERE s.board_id = b.id), 0)) AS last
         FROM boards b WHERE b.id = ANY($1)`,
      [boardIds],
    )
    return new Map(rows.map((row) => [row.id, toNumber(row.last)]))
  }

  /**
   * Commits every board in one transaction. If one board's rows break a constraint (its seq
   * was taken, the board was deleted), each board is tried again in a transaction of its
   * own with the same seqs, so only that board's appends fail and no board is handed other
   * numbers. Any other failure (the connection, the server) fails the whole batch at once:
   * trying again would only wait on the same broken database, and after a connection lost
   * during COMMIT a retry could mistake our own stored rows for another writer's.
   * Returns whether all committed.
   */
  private async commitBoards(boards: BoardBatch[]): Promise<boolean> {
    if (boards.length === 0) return true
    try {
      await this.writeBoards(boards)
      for (const board of boards) this.settle(board)
      return true
    } catch (error) {
      if (boards.length === 1 || !isOneBoardsFault(error)) {
        for (const board of boards) this.fail(board, error)
        return false
      }
    }
    let ok = true
    for (const board of boards) {
      try {
        await this.writeBoards([board])
        this.settle(board)
      } catch (error) {
        this.fail(board, error)
        ok = false
      }
    }
    return ok
  }

  private async writeBoards(boards: BoardBatch[]) {
    await inTransaction(this.pool, async (client) => {
      await this.checkLeases(client, boards)
      await client.query(
        `INSERT INTO updates (board_id, seq, data)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[])`,
        [
          boards.flatMap((board) => board.data.map(() => board.boardId)),
          boards.flatMap((board) => board.seqs),
          boards.flatMap((board) => board.data),
        ],
      )
      await client.query('UPDATE boards SET updated_at = $1 WHERE id = ANY($2)', [
        Date.now(),
        boards.map((board) => board.boardId),
      ])
    })
  }

  /**
   * Holds each fenced board's lease row (FOR SHARE) until the commit, so a node taking the
   * lease over waits for this commit and then reads what it wrote; or finds the lease gone
   * (expired, or taken) and fails the batch's board with LEASE_LOST.
   */
  private async checkLeases(client: pg.PoolClient, boards: BoardBatch[]) {
    const fenced = boards.filter((board) => this.fences.has(board.boardId))
    if (fenced.length === 0) return
    const { rows } = await client.query<{ board_id: string; node_id: string; epoch: string }>(
      `SELECT board_id, node_id, epoch FROM room_leases
        WHERE board_id = ANY($1) AND expires_at > now() FOR SHARE`,
      [fenced.map((board) => board.boardId)],
    )
    const held = new Map(rows.map((row) => [row.board_id, row]))
    for (const board of fenced) {
      const fence = this.fences.get(board.boardId)!
      const row = held.get(board.boardId)
      if (row?.node_id !== fence.nodeId || toNumber(row.epoch) !== fence.epoch) {
        throw Object.assign(new Error(`lease of board ${board.boardId} lost`), {
          code: LEASE_LOST,
        })
      }
    }
  }

  /** Resolves each append with the seq of its own last update. */
  private settle(board: BoardBatch) {
    let offset = 0
    for (const append of board.appends) {
      offset += append.updates.length
      // An empty append reports 0, as SQLite's does.
      append.resolve(append.updates.length === 0 ? 0 : board.seqs[offset - 1]!)
    }
  }

  private fail(board: BoardBatch, error: unknown) {
    this.lastSeqs.delete(board.boardId)
    if (isLeaseLost(error)) this.fences.delete(board.boardId)
    const storageError = asStorageError(error, board.boardId)
    for (const append of board.appends) append.reject(storageError)
  }
}

function groupByBoard(batch: PendingAppend[]): BoardBatch[] {
  const boards = new Map<string, BoardBatch>()
  for (const append of batch) {
    let board = boards.get(append.boardId)
    if (!board) {
      board = { boardId: append.boardId, appends: [], seqs: [], data: [] }
      boards.set(append.boardId, board)
    }
    board.appends.push(append)
    board.data.push(...append.updates)
  }
  return [...boards.values()]
}

/** A constraint that one board's rows broke, as opposed to a failure of the database. */
function isOneBoardsFault(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return code === UNIQUE_VIOLATION || code === FOREIGN_KEY_VIOLATION || code === LEASE_LOST
}

function isLeaseLost(error: unknown): boolean {
  return (error as { code?: unknown }).code === LEASE_LOST
}

function asStorageError(error: unknown, boardId: string): StorageError {
  if (error instanceof StorageError) return error
  const code = (error as { code?: unknown }).code
  const reason = error instanceof Error ? error.message : String(error)
  if (code === UNIQUE_VIOLATION || code === LEASE_LOST) {
    return new AppendConflict(
      `Another writer stored updates of board ${boardId} first; this one is out of date (${reason})`,
      boardId,
    )
  }
  if (code === FOREIGN_KEY_VIOLATION) {
    return new StorageError(`Board ${boardId} does not exist (${reason})`, boardId)
  }
  const failure = new StorageError(
    `Could not store updates of board ${boardId}: ${reason}`,
    boardId,
  )
  failure.cause = error
  return failure
}
