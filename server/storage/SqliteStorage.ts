import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Role, WorkshopBoardKind } from '../../shared/workshopContracts'
import { migrateSchema } from './sqliteSchema'
import {
  StorageError,
  type AssetRecord,
  type PublicationRecord,
  type VersionRecord,
  type BallotRecord,
  type BoardRecord,
  type NewBoard,
  type ParticipantRecord,
  type RebuiltDoc,
  type Storage,
  type StoredDoc,
  type TemplateRecord,
  type TemplateSummary,
  type TokenRecord,
  type WorkshopBoardPlace,
  type WorkshopBoardRecord,
  type WorkshopRecord,
  KEPT_EPOCH_BASES,
} from './Storage'
import { KeyedSerial } from './KeyedSerial'

function asBytes(value: unknown, boardId: string, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value
  throw new StorageError(`Stored ${what} of board ${boardId} is not binary data`, boardId)
}

interface WorkshopRow {
  id: string
  title: string
  date: string | null
  track: string | null
  template: string
  allowGroupChoice: number
  createdAt: number
}

interface TemplateRow {
  id: string
  title: string
  createdAt: number
  workshopId: string | null
  shared: number
}

interface TokenRow {
  id: string
  scopeId: string
  role: Role
  hash: Buffer
  sealed: Buffer | null
  createdAt: number
  rotatedAt: number | null
}

export interface SqliteOptions {
  synchronous?: 'FULL' | 'NORMAL'
  /** Past this size writes fail with SQLITE_FULL, as on a full disk. */
  maxDatabaseBytes?: number
}

/**
 * The default storage: one SQLite file in DATA_DIR, in WAL mode. `secure_delete` zeroes
 * deleted content, so an erased workshop leaves no trace in the file.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database
  private readonly statements
  /** One process owns the file, so serialising within it serialises every writer. */
  private readonly sections = new KeyedSerial()

  constructor(dataDir: string, options: SqliteOptions = {}) {
    fs.mkdirSync(dataDir, { recursive: true })
    this.db = new Database(path.join(dataDir, 'samskapa.db'))
    const synchronous = options.synchronous ?? 'FULL'
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${synchronous}`)
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('secure_delete = ON')
    migrateSchema(this.db)
    if (options.maxDatabaseBytes) {
      const pageSize = this.db.pragma('page_size', { simple: true }) as number
      this.db.pragma(`max_page_count = ${Math.floor(options.maxDatabaseBytes / pageSize)}`)
    }
    const db = this.db
    this.statements = {
      insertBoard: db.prepare(
        'INSERT INTO boards (id, title, template, created_at) VALUES (?, ?, ?, ?)',
      ),
      getBoard: db.prepare(
        'SELECT id, title, template, created_at AS createdAt FROM boards WHERE id = ?',
      ),
      getSnapshot: db.prepare('SELECT data, upto_seq FROM snapshots WHERE board_id = ?'),
      getUpdates: db.prepare(
        'SELECT seq, data FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
      insertUpdate: db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)'),
      touchBoard: db.prepare('UPDATE boards SET updated_at = ? WHERE id = ?'),
      docVersion: db.prepare(
        `SELECT MAX(COALESCE((SELECT MAX(seq) FROM updates WHERE board_id = @id), 0),
                    COALESCE((SELECT upto_seq FROM snapshots WHERE board_id = @id), 0)) AS version`,
      ),
      lastActivity: db.prepare('SELECT updated_at AS at FROM boards WHERE id = ?'),
      upsertSnapshot: db.prepare(
        `INSERT INTO snapshots (board_id, data, upto_seq) VALUES (?, ?, ?)
         ON CONFLICT(board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
      ),
      deleteUpdates: db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
      newestUpdate: db.prepare('SELECT MAX(seq) AS seq FROM updates WHERE board_id = ?'),
      insertEpochBase: db.prepare(
        `INSERT OR REPLACE INTO epoch_bases (board_id, epoch, data, clocks, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      pruneEpochBases: db.prepare(
        `DELETE FROM epoch_bases WHERE board_id = @id AND epoch NOT IN
           (SELECT epoch FROM epoch_bases WHERE board_id = @id ORDER BY epoch DESC LIMIT @keep)`,
      ),
      getEpochBase: db.prepare('SELECT data FROM epoch_bases WHERE board_id = ? AND epoch = ?'),
      getEpochClocks: db.prepare('SELECT epoch, clocks FROM epoch_bases WHERE board_id = ?'),
      insertWorkshop: db.prepare(
        `INSERT INTO workshops (id, title, date, track, template, allow_group_choice, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      getWorkshop: db.prepare(
        `SELECT id, title, date, track, template, allow_group_choice AS allowGroupChoice,
         created_at AS createdAt FROM workshops WHERE id = ?`,
      ),
      renameWorkshop: db.prepare('UPDATE workshops SET title = ? WHERE id = ?'),
      setGroupChoice: db.prepare('UPDATE workshops SET allow_group_choice = ? WHERE id = ?'),
      insertWorkshopBoard: db.prepare(
        'INSERT INTO workshop_boards (board_id, workshop_id, kind, position) VALUES (?, ?, ?, ?)',
      ),
      workshopBoards: db.prepare(
        `SELECT b.id, b.title, b.template, b.created_at AS createdAt, w.kind, w.position
         FROM workshop_boards w JOIN boards b ON b.id = w.board_id
         WHERE w.workshop_id = ? ORDER BY w.position`,
      ),
      boardPlace: db.prepare(
        `SELECT workshop_id AS workshopId, kind, open_to_all AS openToAll
         FROM workshop_boards WHERE board_id = ?`,
      ),
      setBoardOpen: db.prepare('UPDATE workshop_boards SET open_to_all = ? WHERE board_id = ?'),
      getParticipant: db.prepare(
        `SELECT id, workshop_id AS workshopId, key_hash AS keyHash, name, municipality,
         board_id AS boardId, created_at AS createdAt FROM participants
         WHERE workshop_id = ? AND id = ?`,
      ),
      workshopOfBoard: db.prepare(
        'SELECT workshop_id AS id FROM workshop_boards WHERE board_id = ?',
      ),
      nextPosition: db.prepare(
        'SELECT COALESCE(MAX(position), -1) + 1 AS next FROM workshop_boards WHERE workshop_id = ?',
      ),
      deleteBoardsOf: db.prepare(
        'DELETE FROM boards WHERE id IN (SELECT board_id FROM workshop_boards WHERE workshop_id = ?)',
      ),
      deleteWorkshop: db.prepare('DELETE FROM workshops WHERE id = ?'),
      insertToken: db.prepare(
        `INSERT INTO tokens (id, scope_id, role, hash, sealed, created_at, rotated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      replaceToken: db.prepare(
        'UPDATE tokens SET id = ?, hash = ?, sealed = ?, rotated_at = ? WHERE scope_id = ? AND role = ?',
      ),
      tokensOf: db.prepare(
        `SELECT id, scope_id AS scopeId, role, hash, sealed, created_at AS createdAt,
         rotated_at AS rotatedAt FROM tokens WHERE scope_id = ? ORDER BY role`,
      ),
      deleteTokens: db.prepare('DELETE FROM tokens WHERE scope_id = ?'),
      insertParticipant: db.prepare(
        `INSERT INTO participants (id, workshop_id, key_hash, name, municipality, board_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      findParticipant: db.prepare(
        `SELECT id, workshop_id AS workshopId, key_hash AS keyHash, name, municipality,
         board_id AS boardId, created_at AS createdAt FROM participants
         WHERE workshop_id = ? AND key_hash = ?`,
      ),
      participants: db.prepare(
        `SELECT id, workshop_id AS workshopId, key_hash AS keyHash, name, municipality,
         board_id AS boardId, created_at AS createdAt FROM participants
         WHERE workshop_id = ? ORDER BY created_at, id`,
      ),
      assignParticipant: db.prepare(
        'UPDATE participants SET board_id = ? WHERE id = ? AND workshop_id = ?',
      ),
      insertVersion: db.prepare(
        `INSERT INTO versions (id, board_id, name, auto, records, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      listVersions: db.prepare(
        `SELECT id, board_id AS boardId, name, auto, created_at AS createdAt FROM versions
         WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`,
      ),
      getVersion: db.prepare(
        `SELECT id, board_id AS boardId, name, auto, records, created_at AS createdAt
         FROM versions WHERE board_id = ? AND id = ?`,
      ),
      deleteVersion: db.prepare('DELETE FROM versions WHERE id = ?'),
      upsertPublication: db.prepare(
        `INSERT INTO publications (workshop_id, slug, version, report, note, published_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(workshop_id) DO UPDATE SET slug = excluded.slug, version = excluded.version,
         report = excluded.report, note = excluded.note, published_at = excluded.published_at`,
      ),
      publicationOf: db.prepare(
        `SELECT workshop_id AS workshopId, slug, version, report, note, published_at AS publishedAt
         FROM publications WHERE workshop_id = ?`,
      ),
      publicationBySlug: db.prepare(
        `SELECT workshop_id AS workshopId, slug, version, report, note, published_at AS publishedAt
         FROM publications WHERE slug = ?`,
      ),
      insertAsset: db.prepare(
        'INSERT INTO assets (id, board_id, type, data, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      getAsset: db.prepare(
        `SELECT id, board_id AS boardId, type, data, created_at AS createdAt
         FROM assets WHERE id = ?`,
      ),
      readDay: db.prepare('SELECT data FROM workshop_days WHERE workshop_id = ?'),
      writeDay: db.prepare(
        `INSERT INTO workshop_days (workshop_id, data) VALUES (?, ?)
         ON CONFLICT(workshop_id) DO UPDATE SET data = excluded.data`,
      ),
      ballotsOf: db.prepare(
        `SELECT vote_id AS voteId, participant_id AS participantId, item_id AS itemId,
         board_id AS boardId, votes, polarity FROM ballots
         WHERE vote_id = ? AND participant_id = ?`,
      ),
      allBallots: db.prepare(
        `SELECT vote_id AS voteId, participant_id AS participantId, item_id AS itemId,
         board_id AS boardId, votes, polarity FROM ballots WHERE vote_id = ?`,
      ),
      upsertBallot: db.prepare(
        `INSERT INTO ballots
         (vote_id, workshop_id, participant_id, item_id, board_id, votes, polarity)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(vote_id, participant_id, item_id) DO UPDATE SET votes = excluded.votes`,
      ),
      deleteBallot: db.prepare(
        'DELETE FROM ballots WHERE vote_id = ? AND participant_id = ? AND item_id = ?',
      ),
      insertTemplate: db.prepare(
        `INSERT INTO templates (id, title, records, created_at, workshop_id, shared)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      listTemplates: db.prepare(
        `SELECT id, title, created_at AS createdAt, workshop_id AS workshopId, shared
         FROM templates WHERE shared = 1 OR workshop_id = ? ORDER BY created_at, id`,
      ),
      countTemplates: db.prepare('SELECT COUNT(*) AS count FROM templates'),
      getTemplate: db.prepare(
        `SELECT id, title, records, created_at AS createdAt, workshop_id AS workshopId, shared
         FROM templates WHERE id = ?`,
      ),
      renameTemplate: db.prepare('UPDATE templates SET title = ? WHERE id = ?'),
      shareTemplate: db.prepare('UPDATE templates SET shared = ? WHERE id = ?'),
      deleteTemplate: db.prepare('DELETE FROM templates WHERE id = ?'),
      deleteUnsharedTemplatesOf: db.prepare(
        'DELETE FROM templates WHERE workshop_id = ? AND shared = 0',
      ),
    }
  }

  async createBoard(board: BoardRecord, initialUpdate: Uint8Array, tokens: TokenRecord[] = []) {
    this.db.transaction(() => {
      this.insertBoard({ board, initialUpdate })
      for (const token of tokens) this.insertToken(token)
    })()
  }

  private insertBoard({ board, initialUpdate }: NewBoard) {
    this.statements.insertBoard.run(board.id, board.title, board.template, board.createdAt)
    this.statements.insertUpdate.run(board.id, initialUpdate)
  }

  private insertToken(token: TokenRecord) {
    this.statements.insertToken.run(
      token.id,
      token.scopeId,
      token.role,
      token.hash,
      token.sealed,
      token.createdAt,
      token.rotatedAt,
    )
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    return this.statements.getBoard.get(id) as BoardRecord | undefined
  }

  async loadDoc(boardId: string): Promise<StoredDoc> {
    const snapshotRow = this.statements.getSnapshot.get(boardId) as
      { data: unknown; upto_seq: number } | undefined
    const fromSeq = snapshotRow?.upto_seq ?? 0
    const rows = this.statements.getUpdates.all(boardId, fromSeq) as {
      seq: number
      data: unknown
    }[]
    return {
      snapshot: snapshotRow ? asBytes(snapshotRow.data, boardId, 'snapshot') : undefined,
      updates: rows.map((row) => asBytes(row.data, boardId, `update ${row.seq}`)),
      lastSeq: rows.at(-1)?.seq ?? fromSeq,
    }
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number> {
    return this.db.transaction(() => {
      let seq = 0
      for (const update of updates) {
        seq = Number(this.statements.insertUpdate.run(boardId, update).lastInsertRowid)
      }
      this.statements.touchBoard.run(Date.now(), boardId)
      return seq
    })()
  }

  async compact(boardId: string, snapshot: Uint8Array, uptoSeq: number) {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(boardId, snapshot, uptoSeq)
      this.statements.deleteUpdates.run(boardId, uptoSeq)
    })()
  }

  async rebuildDoc(boardId: string, rebuilt: RebuiltDoc): Promise<boolean> {
    return this.db.transaction(() => {
      const newest = this.statements.newestUpdate.get(boardId) as { seq: number | null }
      if ((newest.seq ?? 0) > rebuilt.uptoSeq) return false
      const { baseEpoch, base, baseClocks } = rebuilt
      this.statements.insertEpochBase.run(boardId, baseEpoch, base, baseClocks, Date.now())
      this.statements.pruneEpochBases.run({ id: boardId, keep: KEPT_EPOCH_BASES })
      this.statements.upsertSnapshot.run(boardId, rebuilt.snapshot, rebuilt.uptoSeq)
      this.statements.deleteUpdates.run(boardId, rebuilt.uptoSeq)
      return true
    })()
  }

  async epochBase(boardId: string, epoch: number): Promise<Uint8Array | undefined> {
    const row = this.statements.getEpochBase.get(boardId, epoch) as { data: unknown } | undefined
    return row ? asBytes(row.data, boardId, `epoch ${epoch}`) : undefined
  }

  async epochClocks(boardId: string): Promise<Uint8Array[]> {
    const rows = this.statements.getEpochClocks.all(boardId) as { epoch: number; clocks: unknown }[]
    return rows.map((row) => asBytes(row.clocks, boardId, `clocks of epoch ${row.epoch}`))
  }

  async docVersion(boardId: string): Promise<number> {
    return (this.statements.docVersion.get({ id: boardId }) as { version: number }).version
  }

  async lastActivity(boardId: string): Promise<number | null> {
    const row = this.statements.lastActivity.get(boardId) as { at: number | null } | undefined
    return row?.at ?? null
  }

  async createWorkshop(
    workshop: WorkshopRecord,
    boards: (NewBoard & { kind: WorkshopBoardKind })[],
    tokens: TokenRecord[],
  ) {
    this.db.transaction(() => {
      this.statements.insertWorkshop.run(
        workshop.id,
        workshop.title,
        workshop.date,
        workshop.track,
        workshop.template,
        workshop.allowGroupChoice ? 1 : 0,
        workshop.createdAt,
      )
      boards.forEach((entry, position) => {
        this.insertBoard(entry)
        this.statements.insertWorkshopBoard.run(entry.board.id, workshop.id, entry.kind, position)
      })
      for (const token of tokens) this.insertToken(token)
    })()
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    const row = this.statements.getWorkshop.get(id) as WorkshopRow | undefined
    return row && { ...row, allowGroupChoice: row.allowGroupChoice === 1 }
  }

  async updateWorkshop(id: string, patch: { title?: string; allowGroupChoice?: boolean }) {
    this.db.transaction(() => {
      if (patch.title !== undefined) this.statements.renameWorkshop.run(patch.title, id)
      if (patch.allowGroupChoice !== undefined) {
        this.statements.setGroupChoice.run(patch.allowGroupChoice ? 1 : 0, id)
      }
    })()
  }

  async workshopBoards(workshopId: string): Promise<WorkshopBoardRecord[]> {
    return this.statements.workshopBoards.all(workshopId) as WorkshopBoardRecord[]
  }

  async boardPlace(boardId: string): Promise<WorkshopBoardPlace | undefined> {
    const row = this.statements.boardPlace.get(boardId) as
      (Omit<WorkshopBoardPlace, 'openToAll'> & { openToAll: number }) | undefined
    return row ? { ...row, openToAll: row.openToAll === 1 } : undefined
  }

  async setBoardOpen(boardId: string, open: boolean) {
    this.statements.setBoardOpen.run(open ? 1 : 0, boardId)
  }

  async getParticipant(workshopId: string, id: string): Promise<ParticipantRecord | undefined> {
    return this.statements.getParticipant.get(workshopId, id) as ParticipantRecord | undefined
  }

  async workshopOfBoard(boardId: string): Promise<string | undefined> {
    return (this.statements.workshopOfBoard.get(boardId) as { id: string } | undefined)?.id
  }

  async extendWorkshop(
    workshopId: string,
    boards: (NewBoard & { kind: WorkshopBoardKind })[],
    tokens: TokenRecord[],
  ) {
    this.db.transaction(() => {
      const { next } = this.statements.nextPosition.get(workshopId) as { next: number }
      boards.forEach((entry, offset) => {
        this.insertBoard(entry)
        this.statements.insertWorkshopBoard.run(
          entry.board.id,
          workshopId,
          entry.kind,
          next + offset,
        )
      })
      for (const token of tokens) this.insertToken(token)
    })()
  }

  async deleteWorkshop(id: string) {
    this.db.transaction(() => {
      this.statements.deleteUnsharedTemplatesOf.run(id)
      this.statements.deleteBoardsOf.run(id)
      this.statements.deleteTokens.run(id)
      this.statements.deleteWorkshop.run(id)
    })()
  }

  async tokensOf(scopeId: string): Promise<TokenRecord[]> {
    return this.statements.tokensOf.all(scopeId) as TokenRow[]
  }

  async replaceTokens(tokens: TokenRecord[]) {
    this.db.transaction(() => {
      for (const token of tokens) {
        this.statements.replaceToken.run(
          token.id,
          token.hash,
          token.sealed,
          token.rotatedAt,
          token.scopeId,
          token.role,
        )
      }
    })()
  }

  async addParticipant(p: ParticipantRecord) {
    this.statements.insertParticipant.run(
      p.id,
      p.workshopId,
      p.keyHash,
      p.name,
      p.municipality,
      p.boardId,
      p.createdAt,
    )
  }

  async findParticipant(
    workshopId: string,
    keyHash: Buffer,
  ): Promise<ParticipantRecord | undefined> {
    return this.statements.findParticipant.get(workshopId, keyHash) as ParticipantRecord | undefined
  }

  async participants(workshopId: string): Promise<ParticipantRecord[]> {
    return this.statements.participants.all(workshopId) as ParticipantRecord[]
  }

  async assignParticipants(workshopId: string, assignments: Record<string, string | null>) {
    this.db.transaction(() => {
      for (const [participantId, boardId] of Object.entries(assignments)) {
        this.statements.assignParticipant.run(boardId, participantId, workshopId)
      }
    })()
  }

  async saveVersion(version: VersionRecord) {
    this.statements.insertVersion.run(
      version.id,
      version.boardId,
      version.name,
      version.auto ? 1 : 0,
      version.records,
      version.createdAt,
    )
  }

  async listVersions(boardId: string): Promise<Omit<VersionRecord, 'records'>[]> {
    const rows = this.statements.listVersions.all(boardId) as (Omit<
      VersionRecord,
      'records' | 'auto'
    > & {
      auto: number
    })[]
    return rows.map((row) => ({ ...row, auto: row.auto === 1 }))
  }

  async getVersion(boardId: string, id: string): Promise<VersionRecord | undefined> {
    const row = this.statements.getVersion.get(boardId, id) as
      (Omit<VersionRecord, 'auto'> & { auto: number }) | undefined
    return row && { ...row, auto: row.auto === 1 }
  }

  async deleteVersions(ids: string[]) {
    this.db.transaction(() => {
      for (const id of ids) this.statements.deleteVersion.run(id)
    })()
  }

  async savePublication(p: PublicationRecord) {
    this.statements.upsertPublication.run(
      p.workshopId,
      p.slug,
      p.version,
      p.report,
      p.note,
      p.publishedAt,
    )
  }

  async publicationOf(workshopId: string): Promise<PublicationRecord | undefined> {
    return this.statements.publicationOf.get(workshopId) as PublicationRecord | undefined
  }

  async publicationBySlug(slug: string): Promise<PublicationRecord | undefined> {
    return this.statements.publicationBySlug.get(slug) as PublicationRecord | undefined
  }

  async saveAsset(asset: AssetRecord) {
    this.statements.insertAsset.run(
      asset.id,
      asset.boardId,
      asset.type,
      asset.data,
      asset.createdAt,
    )
  }

  async getAsset(id: string): Promise<AssetRecord | undefined> {
    return this.statements.getAsset.get(id) as AssetRecord | undefined
  }

  async readWorkshopDay(workshopId: string): Promise<string | undefined> {
    const row = this.statements.readDay.get(workshopId) as { data: string } | undefined
    return row?.data
  }

  async writeWorkshopDay(workshopId: string, json: string) {
    this.statements.writeDay.run(workshopId, json)
  }

  async ballotsOf(voteId: string, participantId: string): Promise<BallotRecord[]> {
    return this.statements.ballotsOf.all(voteId, participantId) as BallotRecord[]
  }

  async allBallots(voteId: string): Promise<BallotRecord[]> {
    return this.statements.allBallots.all(voteId) as BallotRecord[]
  }

  async setBallot(workshopId: string, ballot: BallotRecord) {
    const { voteId, participantId, itemId, boardId, votes, polarity } = ballot
    if (votes <= 0) return void this.statements.deleteBallot.run(voteId, participantId, itemId)
    this.statements.upsertBallot.run(
      voteId,
      workshopId,
      participantId,
      itemId,
      boardId,
      votes,
      polarity,
    )
  }

  serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.sections.run(key, task)
  }

  async checkpoint() {
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  async saveTemplate(template: TemplateRecord) {
    this.statements.insertTemplate.run(
      template.id,
      template.title,
      template.records,
      template.createdAt,
      template.workshopId,
      template.shared ? 1 : 0,
    )
  }

  async listTemplates(workshopId?: string): Promise<TemplateSummary[]> {
    const rows = this.statements.listTemplates.all(workshopId ?? null) as TemplateRow[]
    return rows.map((row) => ({ ...row, shared: row.shared === 1 }))
  }

  async countTemplates(): Promise<number> {
    return (this.statements.countTemplates.get() as { count: number }).count
  }

  async getTemplate(id: string): Promise<TemplateRecord | undefined> {
    const row = this.statements.getTemplate.get(id) as
      (TemplateRow & { records: string }) | undefined
    return row && { ...row, shared: row.shared === 1 }
  }

  async updateTemplate(id: string, patch: { title?: string; shared?: boolean }) {
    this.db.transaction(() => {
      if (patch.title !== undefined) this.statements.renameTemplate.run(patch.title, id)
      if (patch.shared !== undefined) this.statements.shareTemplate.run(patch.shared ? 1 : 0, id)
    })()
  }

  async deleteTemplate(id: string) {
    this.statements.deleteTemplate.run(id)
  }

  async close() {
    this.db.close()
  }
}
