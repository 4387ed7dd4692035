import type pg from 'pg'
import { toNumber } from '../storage/postgres/postgresValues'

/** A lease this node holds on a board, as UpdateGroupCommit's fence checks it. */
export interface Lease {
  nodeId: string
  epoch: number
}

/** Who owns a board now; undefined when nobody does (never claimed, given up, or lapsed). */
export type LeaseHolder = { nodeId: string; epoch: number } | undefined

/**
 * One writer per board: a row in `room_leases` names the node that owns it until
 * `expires_at`. Times are PostgreSQL's `now()`, so the nodes' clocks never have to agree.
 * Each take-over raises `epoch`, which is what a fenced append checks.
 */
export class RoomLeases {
  constructor(
    private readonly pool: pg.Pool,
    readonly nodeId: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes the board's lease if it is free, lapsed or already ours; else says who holds it. */
  async claim(boardId: string): Promise<{ ours: Lease } | { holder: LeaseHolder }> {
    const { rows } = await this.pool.query<{ epoch: string }>(
      `INSERT INTO room_leases AS l (board_id, node_id, epoch, expires_at)
         SELECT $1, $2, 1, now() + $3 * interval '1 millisecond'
          WHERE EXISTS (SELECT 1 FROM boards WHERE id = $1)
       ON CONFLICT (board_id) DO UPDATE
         SET node_id = EXCLUDED.node_id, epoch = l.epoch + 1, expires_at = EXCLUDED.expires_at
         WHERE l.expires_at <= now() OR l.node_id = EXCLUDED.node_id
       RETURNING epoch`,
      [boardId, this.nodeId, this.ttlMs],
    )
    if (rows[0]) return { ours: { nodeId: this.nodeId, epoch: toNumber(rows[0].epoch) } }
    return { holder: await this.holder(boardId) }
  }

  async holder(boardId: string): Promise<LeaseHolder> {
    return (await this.holders([boardId])).get(boardId)
  }

  /** The live leases of `boardIds`, by board. */
  async holders(boardIds: string[]): Promise<Map<string, { nodeId: string; epoch: number }>> {
    const { rows } = await this.pool.query<{ board_id: string; node_id: string; epoch: string }>(
      `SELECT board_id, node_id, epoch FROM room_leases
        WHERE board_id = ANY($1) AND expires_at > now()`,
      [boardIds],
    )
    return new Map(
      rows.map((row) => [row.board_id, { nodeId: row.node_id, epoch: toNumber(row.epoch) }]),
    )
  }

  /** Renews every lease given; returns the boards whose lease is still ours. */
  async renew(leases: Map<string, Lease>): Promise<Set<string>> {
    if (leases.size === 0) return new Set()
    const boardIds = [...leases.keys()]
    const { rows } = await this.pool.query<{ board_id: string }>(
      `UPDATE room_leases AS l SET expires_at = now() + $2 * interval '1 millisecond'
         FROM unnest($3::text[], $4::bigint[]) AS mine(board_id, epoch)
        WHERE l.board_id = mine.board_id AND l.epoch = mine.epoch AND l.node_id = $1
          AND l.expires_at > now()
        RETURNING l.board_id`,
      [this.nodeId, this.ttlMs, boardIds, boardIds.map((id) => leases.get(id)!.epoch)],
    )
    return new Set(rows.map((row) => row.board_id))
  }

  /** Gives a lease up (the room unloaded): another node may take the board at once. */
  async release(boardId: string, lease: Lease): Promise<void> {
    await this.pool.query(
      'DELETE FROM room_leases WHERE board_id = $1 AND node_id = $2 AND epoch = $3',
      [boardId, lease.nodeId, lease.epoch],
    )
  }
}
