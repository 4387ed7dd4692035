import type Database from 'better-sqlite3'
import type { RecordJson } from '../../shared/board/boardDoc'
import { templateShapes } from '../../shared/templates/savedTemplate'

/**
 * The SQLite schema. Boards of a workshop cascade from the workshop; updates, snapshots and
 * workshop membership, assets and versions cascade from their board. Tokens name their scope (a workshop or a
 * standalone board) and are deleted with it explicitly.
 */
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
CREATE TABLE IF NOT EXISTS epoch_bases (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  data BLOB NOT NULL,
  clocks BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, epoch)
);
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  date TEXT,
  track TEXT,
  template TEXT NOT NULL,
  allow_group_choice INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS workshop_boards (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('group', 'plenary', 'recorder')),
  position INTEGER NOT NULL,
  open_to_all INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS workshop_boards_by_workshop ON workshop_boards(workshop_id, position);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  scope_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer', 'recorder')),
  hash BLOB NOT NULL,
  sealed BLOB,
  created_at INTEGER NOT NULL,
  rotated_at INTEGER
);
CREATE INDEX IF NOT EXISTS tokens_by_scope ON tokens(scope_id);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  key_hash BLOB NOT NULL UNIQUE,
  name TEXT NOT NULL,
  municipality TEXT,
  board_id TEXT REFERENCES boards(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_workshop ON participants(workshop_id, created_at);
CREATE TABLE IF NOT EXISTS assets (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS assets_by_board ON assets(board_id);
CREATE TABLE IF NOT EXISTS versions (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  auto INTEGER NOT NULL,
  records TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_by_board ON versions(board_id, created_at);
CREATE TABLE IF NOT EXISTS publications (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  slug TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL,
  report TEXT,
  note TEXT,
  published_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS workshop_days (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ballots (
  vote_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  board_id TEXT NOT NULL,
  votes INTEGER NOT NULL,
  polarity TEXT,
  PRIMARY KEY (vote_id, participant_id, item_id)
);
CREATE TABLE IF NOT EXISTS templates (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  records TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`

/**
 * Templates learned to belong to a workshop. Older rows were listed server-wide, so they
 * stay shared; the names and times their notes carried are scrubbed once, here.
 */
function migrateTemplates(db: Database.Database) {
  const columns = db.prepare('PRAGMA table_info(templates)').all() as { name: string }[]
  if (columns.some((column) => column.name === 'workshop_id')) return
  db.transaction(() => {
    db.exec(`ALTER TABLE templates ADD COLUMN workshop_id TEXT
      REFERENCES workshops(id) ON DELETE SET NULL`)
    db.exec('ALTER TABLE templates ADD COLUMN shared INTEGER NOT NULL DEFAULT 1')
    db.exec('CREATE INDEX IF NOT EXISTS templates_by_workshop ON templates(workshop_id)')
    const rows = db.prepare('SELECT id, records FROM templates').all() as {
      id: string
      records: string
    }[]
    const update = db.prepare('UPDATE templates SET records = ? WHERE id = ?')
    for (const row of rows) {
      update.run(JSON.stringify(templateShapes(JSON.parse(row.records) as RecordJson[])), row.id)
    }
  })()
}

/**
 * Tables whose CHECK constraint predates the recorder role. SQLite cannot alter a constraint,
 * so such a table is rebuilt with the current definition and its rows copied over; nothing
 * references these two tables, so no foreign key is disturbed.
 */
const RECORDER_TABLES = ['workshop_boards', 'tokens'] as const

function tableSql(db: Database.Database, table: string): string | undefined {
  const row = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(table)
  return (row as { sql: string } | undefined)?.sql
}

function allowRecorder(db: Database.Database) {
  for (const table of RECORDER_TABLES) {
    const sql = tableSql(db, table)
    if (!sql || sql.includes("'recorder'")) continue
    db.transaction(() => {
      db.exec(`ALTER TABLE ${table} RENAME TO ${table}_old`)
      db.exec(SCHEMA)
      // Columns added since (e.g. open_to_all) take their defaults.
      const columns = (db.prepare(`PRAGMA table_info(${table}_old)`).all() as { name: string }[])
        .map((column) => column.name)
        .join(', ')
      db.exec(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${table}_old`)
      db.exec(`DROP TABLE ${table}_old`)
    })()
  }
}

/** Creates missing tables and adds columns that older databases lack. */
export function migrateSchema(db: Database.Database) {
  allowRecorder(db)
  db.exec(SCHEMA)
  const boardColumns = db.prepare('PRAGMA table_info(boards)').all() as { name: string }[]
  if (!boardColumns.some((column) => column.name === 'updated_at')) {
    db.exec('ALTER TABLE boards ADD COLUMN updated_at INTEGER')
  }
  const boardOfWorkshopColumns = db.prepare('PRAGMA table_info(workshop_boards)').all() as {
    name: string
  }[]
  if (!boardOfWorkshopColumns.some((column) => column.name === 'open_to_all')) {
    db.exec('ALTER TABLE workshop_boards ADD COLUMN open_to_all INTEGER NOT NULL DEFAULT 0')
  }
  const ballotColumns = db.prepare('PRAGMA table_info(ballots)').all() as { name: string }[]
  if (!ballotColumns.some((column) => column.name === 'polarity')) {
    db.exec('ALTER TABLE ballots ADD COLUMN polarity TEXT')
  }
  migrateTemplates(db)
}
