import pg from 'pg'
import type { WorkshopBoardKind } from '../../../shared/workshopContracts'
import {
  StorageError,
  type AssetRecord,
  type BallotRecord,
  type BoardRecord,
  type NewBoard,
  type ParticipantRecord,
  type PublicationRecord,
  type RebuiltDoc,
  type Storage,
  type StoredDoc,
  type TemplateRecord,
  type TemplateSummary,
  type TokenRecord,
  type VersionRecord,
  type WorkshopBoardPlace,
  type WorkshopBoardRecord,
  type WorkshopRecord,
  KEPT_EPOCH_BASES,
} from '../Storage'
import { AdvisoryLocks } from './AdvisoryLocks'
import { applyPostgresSchema } from './postgresSchema'
import { createPostgresPool, inTransaction } from './postgresPool'
import { toBytes, toNumber } from './postgresValues'
import { UpdateGroupCommit, type CommitReport } from './UpdateGroupCommit'
import {
  ASSET_COLUMNS,
  BALLOT_COLUMNS,
  BOARD_COLUMNS,
  PARTICIPANT_COLUMNS,
  PUBLICATION_COLUMNS,
  TEMPLATE_SUMMARY_COLUMNS,
  TOKEN_COLUMNS,
  VERSION_SUMMARY_COLUMNS,
  WORKSHOP_COLUMNS,
  assetRecord,
  ballotRecord,
  boardRecord,
  participantRecord,
  publicationRecord,
  templateSummary,
  tokenRecord,
  versionSummary,
  workshopBoardRecord,
  workshopRecord,
  type AssetRow,
  type BallotRow,
  type BoardRow,
  type ParticipantRow,
  type PublicationRow,
  type TemplateRow,
  type TokenRow,
  type VersionRow,
  type WorkshopBoardRow,
  type WorkshopRow,
} from './postgresRows'

type Queryable = pg.Pool | pg.PoolClient
type NewWorkshopBoard = NewBoard & { kind: WorkshopBoardKind }

/**
 * Storage in PostgreSQL, so several server nodes can share boards. It keeps the semantics of
 * SqliteStorage exactly (tests/integration/storageContract.test.ts runs both); ids are sorted
 * with COLLATE "C" because SQLite compares text byte by byte, whatever the database's locale.
 * Appends go through UpdateGroupCommit; everything else is a query or a transaction of its own.
 */
export class PostgresStorage implements Storage {
  private readonly pool: pg.Pool
  /** Only a pool made here is ended by close(); a pool passed in belongs to the caller. */
  private readonly ownsPool: boolean
  private readonly appends: UpdateGroupCommit
  private readonly locks: AdvisoryLocks

  constructor(connection: string | pg.Pool) {
    this.ownsPool = typeof connection === 'string'
    this.pool = typeof connection === 'string' ? createPostgresPool(connection) : connection
    this.appends = new UpdateGroupCommit(this.pool)
    this.locks = new AdvisoryLocks(this.pool)
  }

  /** Connects to `url` and creates the tables that are missing. */
  static async open(url: string): Promise<PostgresStorage> {
    const storage = new PostgresStorage(url)
    try {
      await applyPostgresSchema(storage.pool)
    } catch (error) {
      await storage.close()
      throw error
    }
    return storage
  }

  /** The pool, for the lease table of several nodes (server/cluster/RoomLeases.ts). */
  get database(): pg.Pool {
    return this.pool
  }

  /** Which boards this node may write while nodes share the database (UpdateGroupCommit). */
  get writeFences(): Pick<UpdateGroupCommit, 'fence' | 'unfence' | 'requireFences'> {
    return this.appends
  }

  /** Reports every commit of appended updates (batch size and time), e.g. to a benchmark. */
  onCommit(listener: (report: CommitReport) => void): () => void {
    return this.appends.onCommit(listener)
  }

  async createBoard(board: BoardRecord, initialUpdate: Uint8Array, tokens: TokenRecord[] = []) {
    await inTransaction(this.pool, async (client) => {
      await insertBoard(client, { board, initialUpdate })
      for (const token of tokens) await insertToken(client, token)
    })
    this.appends.boardCreated(board.id)
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    const { rows } = await this.pool.query<BoardRow>(
      `SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1`,
      [id],
    )
    return rows[0] && boardRecord(rows[0])
  }

  /**
   * One statement, so it reads one state of the board: with two, a compaction between them
   * could delete updates after the snapshot was read without them.
   */
  async loadDoc(boardId: string): Promise<StoredDoc> {
    const { rows } = await this.pool.query<{
      seq: string | null
      data: Buffer | null
      upto_seq: string | null
    }>(
      `SELECT NULL::bigint AS seq, data, upto_seq FROM snapshots WHERE board_id = $1
       UNION ALL
       SELECT seq, data, NULL FROM updates WHERE board_id = $1 AND seq > COALESCE(
         (SELECT upto_seq FROM snapshots WHERE board_id = $1), 0)
       ORDER BY seq NULLS FIRST`,
      [boardId],
    )
    const snapshotRow = rows[0]?.seq === null ? rows[0] : undefined
    const updateRows = snapshotRow ? rows.slice(1) : rows
    const bytes = (data: Buffer | null, what: string) => {
      if (data instanceof Uint8Array) return toBytes(data)
      throw new StorageError(`Stored ${what} of board ${boardId} is not binary data`, boardId)
    }
    const fromSeq = snapshotRow ? toNumber(snapshotRow.upto_seq!) : 0
    const lastRow = updateRows.at(-1)
    return {
      snapshot: snapshotRow ? bytes(snapshotRow.data, 'snapshot') : undefined,
      updates: updateRows.map((row) => bytes(row.data, `update ${row.seq}`)),
      lastSeq: lastRow ? toNumber(lastRow.seq!) : fromSeq,
    }
  }

  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number> {
    return this.appends.append(boardId, updates)
  }

  async compact(boardId: string, snapshot: Uint8Array, uptoSeq: number) {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO snapshots (board_id, data, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
        [boardId, snapshot, uptoSeq],
      )
      await client.query('DELETE FROM updates WHERE board_id = $1 AND seq <= $2', [
        boardId,
        uptoSeq,
      ])
    })
  }

  async rebuildDoc(boardId: string, rebuilt: RebuiltDoc): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      // Holds back appends of this board until the rebuild is in or given up.
      await client.query('SELECT 1 FROM boards WHERE id = $1 FOR UPDATE', [boardId])
      const { rows } = await client.query<{ seq: string | null }>(
        'SELECT MAX(seq) AS seq FROM updates WHERE board_id = $1',
        [boardId],
      )
      if (toNumber(rows[0]?.seq ?? '0') > rebuilt.uptoSeq) return false
      await client.query(
        `INSERT INTO epoch_bases (board_id, epoch, data, clocks, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (board_id, epoch) DO UPDATE SET data = excluded.data, clocks = excluded.clocks`,
        [boardId, rebuilt.baseEpoch, rebuilt.base, rebuilt.baseClocks, Date.now()],
      )
      await client.query(
        `DELETE FROM epoch_bases WHERE board_id = $1 AND epoch NOT IN
           (SELECT epoch FROM epoch_bases WHERE board_id = $1 ORDER BY epoch DESC LIMIT $2)`,
        [boardId, KEPT_EPOCH_BASES],
      )
      await client.query(
        `INSERT INTO snapshots (board_id, data, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
        [boardId, rebuilt.snapshot, rebuilt.uptoSeq],
      )
      await client.query('DELETE FROM updates WHERE board_id = $1 AND seq <= $2', [
        boardId,
        rebuilt.uptoSeq,
      ])
      return true
    })
  }

  async epochBase(boardId: string, epoch: number): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ data: Buffer }>(
      'SELECT data FROM epoch_bases WHERE board_id = $1 AND epoch = $2',
      [boardId, epoch],
    )
    const data = rows[0]?.data
    if (data === undefined) return undefined
    if (data instanceof Uint8Array) return toBytes(data)
    throw new StorageError(`Stored epoch ${epoch} of board ${boardId} is not binary data`, boardId)
  }

  async epochClocks(boardId: string): Promise<Uint8Array[]> {
    const { rows } = await this.pool.query<{ epoch: number; clocks: Buffer }>(
      'SELECT epoch, clocks FROM epoch_bases WHERE board_id = $1',
      [boardId],
    )
    return rows.map((row) => {
      if (row.clocks instanceof Uint8Array) return toBytes(row.clocks)
      throw new StorageError(
        `Stored clocks of epoch ${row.epoch} of board ${boardId} are not binary`,
        boardId,
      )
    })
  }

  async docVersion(boardId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: string }>(
      `SELECT GREATEST(COALESCE((SELECT MAX(seq) FROM updates WHERE board_id = $1), 0),
                       COALESCE((SELECT upto_seq FROM snapshots WHERE board_id = $1), 0)) AS version`,
      [boardId],
    )
    return toNumber(rows[0]!.version)
  }

  async lastActivity(boardId: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ at: string | null }>(
      'SELECT updated_at AS at FROM boards WHERE id = $1',
      [boardId],
    )
    const at = rows[0]?.at
    return at == null ? null : toNumber(at)
  }

  async createWorkshop(
    workshop: WorkshopRecord,
    boards: NewWorkshopBoard[],
    tokens: TokenRecord[],
  ) {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO workshops (id, title, date, track, template, allow_group_choice, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          workshop.id,
          workshop.title,
          workshop.date,
          workshop.track,
          workshop.template,
          workshop.allowGroupChoice,
          workshop.createdAt,
        ],
      )
      await insertWorkshopBoards(client, workshop.id, boards, 0)
      for (const token of tokens) await insertToken(client, token)
    })
    for (const { board } of boards) this.appends.boardCreated(board.id)
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    const { rows } = await this.pool.query<WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = $1`,
      [id],
    )
    return rows[0] && workshopRecord(rows[0])
  }

  async updateWorkshop(id: string, patch: { title?: string; allowGroupChoice?: boolean }) {
    // COALESCE keeps a field the patch leaves out; one statement is one transaction.
    await this.pool.query(
      `UPDATE workshops SET title = COALESCE($2, title),
         allow_group_choice = COALESCE($3, allow_group_choice) WHERE id = $1`,
      [id, patch.title ?? null, patch.allowGroupChoice ?? null],
    )
  }

  async workshopBoards(workshopId: string): Promise<WorkshopBoardRecord[]> {
    const { rows } = await this.pool.query<WorkshopBoardRow>(
      `SELECT b.id, b.title, b.template, b.created_at, w.kind, w.position
       FROM workshop_boards w JOIN boards b ON b.id = w.board_id
       WHERE w.workshop_id = $1 ORDER BY w.position`,
      [workshopId],
    )
    return rows.map(workshopBoardRecord)
  }

  async workshopOfBoard(boardId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ workshop_id: string }>(
      'SELECT workshop_id FROM workshop_boards WHERE board_id = $1',
      [boardId],
    )
    return rows[0]?.workshop_id
  }

  async extendWorkshop(workshopId: string, boards: NewWorkshopBoard[], tokens: TokenRecord[]) {
    await inTransaction(this.pool, async (client) => {
      // Locks the workshop so two nodes extending it at once cannot take the same positions.
      await client.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [workshopId])
      const { rows } = await client.query<{ next: number }>(
        `SELECT COALESCE(MAX(position), -1) + 1 AS next FROM workshop_boards
         WHERE workshop_id = $1`,
        [workshopId],
      )
      await insertWorkshopBoards(client, workshopId, boards, rows[0]!.next)
      for (const token of tokens) await insertToken(client, token)
    })
    for (const { board } of boards) this.appends.boardCreated(board.id)
  }

  async boardPlace(boardId: string): Promise<WorkshopBoardPlace | undefined> {
    const { rows } = await this.pool.query<{
      workshop_id: string
      kind: WorkshopBoardKind
      open_to_all: boolean
    }>('SELECT workshop_id, kind, open_to_all FROM workshop_boards WHERE board_id = $1', [boardId])
    const row = rows[0]
    return row && { workshopId: row.workshop_id, kind: row.kind, openToAll: row.open_to_all }
  }

  async setBoardOpen(boardId: string, open: boolean) {
    await this.pool.query('UPDATE workshop_boards SET open_to_all = $1 WHERE board_id = $2', [
      open,
      boardId,
    ])
  }

  async deleteWorkshop(id: string) {
    const boardIds = await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM templates WHERE workshop_id = $1 AND NOT shared', [id])
      // Updates, snapshots, assets, versions and memberships go with their boards (cascade).
      const { rows } = await client.query<{ id: string }>(
        `DELETE FROM boards WHERE id IN
           (SELECT board_id FROM workshop_boards WHERE workshop_id = $1) RETURNING id`,
        [id],
      )
      await client.query('DELETE FROM tokens WHERE scope_id = $1', [id])
      await client.query('DELETE FROM workshops WHERE id = $1', [id])
      return rows.map((row) => row.id)
    })
    this.appends.forget(boardIds)
  }

  async tokensOf(scopeId: string): Promise<TokenRecord[]> {
    const { rows } = await this.pool.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE scope_id = $1 ORDER BY role COLLATE "C"`,
      [scopeId],
    )
    return rows.map(tokenRecord)
  }

  async replaceTokens(tokens: TokenRecord[]) {
    await inTransaction(this.pool, async (client) => {
      for (const token of tokens) {
        await client.query(
          `UPDATE tokens SET id = $1, hash = $2, sealed = $3, rotated_at = $4
           WHERE scope_id = $5 AND role = $6`,
          [token.id, token.hash, token.sealed, token.rotatedAt, token.scopeId, token.role],
        )
      }
    })
  }

  async addParticipant(p: ParticipantRecord) {
    await this.pool.query(
      `INSERT INTO participants (${PARTICIPANT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [p.id, p.workshopId, p.keyHash, p.name, p.municipality, p.boardId, p.createdAt],
    )
  }

  async findParticipant(workshopId: string, keyHash: Buffer) {
    const { rows } = await this.pool.query<ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE workshop_id = $1 AND key_hash = $2`,
      [workshopId, keyHash],
    )
    return rows[0] && participantRecord(rows[0])
  }

  async participants(workshopId: string): Promise<ParticipantRecord[]> {
    const { rows } = await this.pool.query<ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE workshop_id = $1
       ORDER BY created_at, id COLLATE "C"`,
      [workshopId],
    )
    return rows.map(participantRecord)
  }

  async getParticipant(workshopId: string, id: string) {
    const { rows } = await this.pool.query<ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE workshop_id = $1 AND id = $2`,
      [workshopId, id],
    )
    return rows[0] && participantRecord(rows[0])
  }

  async assignParticipants(workshopId: string, assignments: Record<string, string | null>) {
    const entries = Object.entries(assignments)
    await this.pool.query(
      `UPDATE participants p SET board_id = a.board_id
       FROM unnest($1::text[], $2::text[]) AS a(id, board_id)
       WHERE p.id = a.id AND p.workshop_id = $3`,
      [entries.map(([id]) => id), entries.map(([, boardId]) => boardId), workshopId],
    )
  }

  async saveVersion(version: VersionRecord) {
    await this.pool.query(
      `INSERT INTO versions (id, board_id, name, auto, records, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [version.id, version.boardId, version.name, version.auto, version.records, version.createdAt],
    )
  }

  async listVersions(boardId: string): Promise<Omit<VersionRecord, 'records'>[]> {
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT ${VERSION_SUMMARY_COLUMNS} FROM versions WHERE board_id = $1
       ORDER BY created_at DESC, inserted DESC`,
      [boardId],
    )
    return rows.map(versionSummary)
  }

  async getVersion(boardId: string, id: string): Promise<VersionRecord | undefined> {
    const { rows } = await this.pool.query<VersionRow & { records: string }>(
      `SELECT ${VERSION_SUMMARY_COLUMNS}, records FROM versions WHERE board_id = $1 AND id = $2`,
      [boardId, id],
    )
    return rows[0] && { ...versionSummary(rows[0]), records: rows[0].records }
  }

  async deleteVersions(ids: string[]) {
    await this.pool.query('DELETE FROM versions WHERE id = ANY($1)', [ids])
  }

  async savePublication(p: PublicationRecord) {
    await this.pool.query(
      `INSERT INTO publications (${PUBLICATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workshop_id) DO UPDATE SET slug = excluded.slug, version = excluded.version,
       report = excluded.report, note = excluded.note, published_at = excluded.published_at`,
      [p.workshopId, p.slug, p.version, p.report, p.note, p.publishedAt],
    )
  }

  async publicationOf(workshopId: string): Promise<PublicationRecord | undefined> {
    return this.publicationWhere('workshop_id', workshopId)
  }

  async publicationBySlug(slug: string): Promise<PublicationRecord | undefined> {
    return this.publicationWhere('slug', slug)
  }

  private async publicationWhere(column: 'workshop_id' | 'slug', value: string) {
    const { rows } = await this.pool.query<PublicationRow>(
      `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE ${column} = $1`,
      [value],
    )
    return rows[0] && publicationRecord(rows[0])
  }

  async saveAsset(asset: AssetRecord) {
    await this.pool.query(`INSERT INTO assets (${ASSET_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`, [
      asset.id,
      asset.boardId,
      asset.type,
      asset.data,
      asset.createdAt,
    ])
  }

  async getAsset(id: string): Promise<AssetRecord | undefined> {
    const { rows } = await this.pool.query<AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM assets WHERE id = $1`,
      [id],
    )
    return rows[0] && assetRecord(rows[0])
  }

  async readWorkshopDay(workshopId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ data: string }>(
      'SELECT data FROM workshop_days WHERE workshop_id = $1',
      [workshopId],
    )
    return rows[0]?.data
  }

  async writeWorkshopDay(workshopId: string, json: string) {
    await this.pool.query(
      `INSERT INTO workshop_days (workshop_id, data) VALUES ($1, $2)
       ON CONFLICT (workshop_id) DO UPDATE SET data = excluded.data`,
      [workshopId, json],
    )
  }

  async ballotsOf(voteId: string, participantId: string): Promise<BallotRecord[]> {
    const { rows } = await this.pool.query<BallotRow>(
      `SELECT ${BALLOT_COLUMNS} FROM ballots WHERE vote_id = $1 AND participant_id = $2`,
      [voteId, participantId],
    )
    return rows.map(ballotRecord)
  }

  async allBallots(voteId: string): Promise<BallotRecord[]> {
    const { rows } = await this.pool.query<BallotRow>(
      `SELECT ${BALLOT_COLUMNS} FROM ballots WHERE vote_id = $1`,
      [voteId],
    )
    return rows.map(ballotRecord)
  }

  async setBallot(workshopId: string, ballot: BallotRecord) {
    const { voteId, participantId, itemId, boardId, votes, polarity } = ballot
    if (votes <= 0) {
      await this.pool.query(
        'DELETE FROM ballots WHERE vote_id = $1 AND participant_id = $2 AND item_id = $3',
        [voteId, participantId, itemId],
      )
      return
    }
    // As in SQLite, a later vote changes only the count: the polarity stays the first one's.
    await this.pool.query(
      `INSERT INTO ballots (vote_id, workshop_id, participant_id, item_id, board_id, votes, polarity)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (vote_id, participant_id, item_id) DO UPDATE SET votes = excluded.votes`,
      [voteId, workshopId, participantId, itemId, boardId, votes, polarity],
    )
  }

  async saveTemplate(template: TemplateRecord) {
    await this.pool.query(
      `INSERT INTO templates (id, title, records, created_at, workshop_id, shared)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        template.id,
        template.title,
        template.records,
        template.createdAt,
        template.workshopId,
        template.shared,
      ],
    )
  }

  async listTemplates(workshopId?: string): Promise<TemplateSummary[]> {
    const { rows } = await this.pool.query<TemplateRow>(
      `SELECT ${TEMPLATE_SUMMARY_COLUMNS} FROM templates WHERE shared OR workshop_id = $1
       ORDER BY created_at, id COLLATE "C"`,
      [workshopId ?? null],
    )
    return rows.map(templateSummary)
  }

  async countTemplates(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      'SELECT COUNT(*) AS count FROM templates',
    )
    return toNumber(rows[0]!.count)
  }

  async getTemplate(id: string): Promise<TemplateRecord | undefined> {
    const { rows } = await this.pool.query<TemplateRow & { records: string }>(
      `SELECT ${TEMPLATE_SUMMARY_COLUMNS}, records FROM templates WHERE id = $1`,
      [id],
    )
    return rows[0] && { ...templateSummary(rows[0]), records: rows[0].records }
  }

  async updateTemplate(id: string, patch: { title?: string; shared?: boolean }) {
    await this.pool.query(
      `UPDATE templates SET title = COALESCE($2, title), shared = COALESCE($3, shared)
       WHERE id = $1`,
      [id, patch.title ?? null, patch.shared ?? null],
    )
  }

  async deleteTemplate(id: string) {
    await this.pool.query('DELETE FROM templates WHERE id = $1', [id])
  }

  serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.locks.run(key, task)
  }

  /** PostgreSQL manages its own write-ahead log; there is nothing to fold in. */
  async checkpoint() {}

  /**
   * Waits for queued appends to commit or fail, then ends the lock pool, and the main pool if
   * it is this storage's. Ending a pool waits for the connections still checked out.
   */
  async close() {
    await this.appends.settled()
    await this.locks.close()
    if (this.ownsPool) await this.pool.end()
  }
}

async function insertBoard(db: Queryable, { board, initialUpdate }: NewBoard) {
  await db.query('INSERT INTO boards (id, title, template, created_at) VALUES ($1, $2, $3, $4)', [
    board.id,
    board.title,
    board.template,
    board.createdAt,
  ])
  // A board's first update is seq 1; later ones are numbered by UpdateGroupCommit.
  await db.query('INSERT INTO updates (board_id, seq, data) VALUES ($1, 1, $2)', [
    board.id,
    initialUpdate,
  ])
}

async function insertWorkshopBoards(
  db: Queryable,
  workshopId: string,
  boards: NewWorkshopBoard[],
  firstPosition: number,
) {
  for (const [offset, entry] of boards.entries()) {
    await insertBoard(db, entry)
    await db.query(
      'INSERT INTO workshop_boards (board_id, workshop_id, kind, position) VALUES ($1, $2, $3, $4)',
      [entry.board.id, workshopId, entry.kind, firstPosition + offset],
    )
  }
}

async function insertToken(db: Queryable, token: TokenRecord) {
  await db.query(`INSERT INTO tokens (${TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    token.id,
    token.scopeId,
    token.role,
    token.hash,
    token.sealed,
    token.createdAt,
    token.rotatedAt,
  ])
}
