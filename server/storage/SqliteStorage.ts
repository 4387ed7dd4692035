import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {
  StorageError,
  type BoardRecord,
  type Storage,
  type StoredDoc,
  type TemplateRecord,
} from './Storage'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  data BLOB NOT NULL,
  upto_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_board ON updates(board_id, seq);
CREATE TABLE IF NOT EXISTS templates (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  records TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`

function asBytes(value: unknown, boardId: string, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value
  throw new StorageError(`Stored ${what} of board ${boardId} is not binary data`, boardId)
}

/** The default storage: one SQLite file in DATA_DIR, in WAL mode. */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database
  private readonly statements

  constructor(dataDir: string, synchronous: 'FULL' | 'NORMAL' = 'FULL') {
    fs.mkdirSync(dataDir, { recursive: true })
    this.db = new Database(path.join(dataDir, 'samskapa.db'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${synchronous}`)
    this.db.pragma('foreign_keys = ON')
    this.db.exec(SCHEMA)
    this.statements = {
      insertBoard: this.db.prepare(
        'INSERT INTO boards (id, title, template, created_at) VALUES (?, ?, ?, ?)',
      ),
      getBoard: this.db.prepare(
        'SELECT id, title, template, created_at AS createdAt FROM boards WHERE id = ?',
      ),
      getSnapshot: this.db.prepare('SELECT data, upto_seq FROM snapshots WHERE board_id = ?'),
      getUpdates: this.db.prepare(
        'SELECT seq, data FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
      insertUpdate: this.db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)'),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO snapshots (board_id, data, upto_seq) VALUES (?, ?, ?)
         ON CONFLICT(board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
      ),
      deleteUpdates: this.db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
      insertTemplate: this.db.prepare(
        'INSERT INTO templates (id, title, records, created_at) VALUES (?, ?, ?, ?)',
      ),
      listTemplates: this.db.prepare(
        'SELECT id, title, created_at AS createdAt FROM templates ORDER BY created_at, id',
      ),
      getTemplate: this.db.prepare(
        'SELECT id, title, records, created_at AS createdAt FROM templates WHERE id = ?',
      ),
    }
  }

  createBoard(board: BoardRecord, initialUpdate: Uint8Array) {
    this.db.transaction(() => {
      this.statements.insertBoard.run(board.id, board.title, board.template, board.createdAt)
      this.statements.insertUpdate.run(board.id, initialUpdate)
    })()
  }

  getBoard(id: string): BoardRecord | undefined {
    return this.statements.getBoard.get(id) as BoardRecord | undefined
  }

  loadDoc(boardId: string): StoredDoc {
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

  appendUpdates(boardId: string, updates: Uint8Array[]): number {
    return this.db.transaction(() => {
      let seq = 0
      for (const update of updates) {
        seq = Number(this.statements.insertUpdate.run(boardId, update).lastInsertRowid)
      }
      return seq
    })()
  }

  compact(boardId: string, snapshot: Uint8Array, uptoSeq: number) {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(boardId, snapshot, uptoSeq)
      this.statements.deleteUpdates.run(boardId, uptoSeq)
    })()
  }

  saveTemplate(template: TemplateRecord) {
    this.statements.insertTemplate.run(
      template.id,
      template.title,
      template.records,
      template.createdAt,
    )
  }

  listTemplates(): Omit<TemplateRecord, 'records'>[] {
    return this.statements.listTemplates.all() as Omit<TemplateRecord, 'records'>[]
  }

  getTemplate(id: string): TemplateRecord | undefined {
    return this.statements.getTemplate.get(id) as TemplateRecord | undefined
  }

  close() {
    this.db.close()
  }
}
