import Database from 'better-sqlite3'
import type pg from 'pg'
import { inTransaction } from './postgresPool'
import { applyPostgresSchema } from './postgresSchema'

/** How one table is copied: its columns (same names in both), and which hold booleans. */
interface TableCopy {
  table: string
  columns: string[]
  /** SQLite keeps booleans as 0/1; PostgreSQL wants true/false. */
  booleans?: string[]
  /** The SQLite order to insert in, where the order carries meaning. */
  orderBy?: string
}

/**
 * Every table, parents before children so each foreign key finds its row. Updates keep their
 * SQLite seq: unique and increasing per board, which is all PostgresStorage needs, and the
 * snapshots' upto_seq and the boards' docVersion stay valid. Versions are inserted in rowid
 * order, which PostgreSQL's `inserted` column then keeps for versions of the same millisecond.
 */
const TABLES: TableCopy[] = [
  { table: 'boards', columns: ['id', 'title', 'template', 'created_at', 'updated_at'] },
  {
    table: 'workshops',
    columns: ['id', 'title', 'date', 'track', 'template', 'allow_group_choice', 'created_at'],
    booleans: ['allow_group_choice'],
  },
  { table: 'snapshots', columns: ['board_id', 'data', 'upto_seq'] },
  { table: 'updates', columns: ['board_id', 'seq', 'data'], orderBy: 'seq' },
  { table: 'epoch_bases', columns: ['board_id', 'epoch', 'data', 'clocks', 'created_at'] },
  {
    table: 'workshop_boards',
    columns: ['board_id', 'workshop_id', 'kind', 'position', 'open_to_all'],
    booleans: ['open_to_all'],
  },
  {
    table: 'tokens',
    columns: ['id', 'scope_id', 'role', 'hash', 'sealed', 'created_at', 'rotated_at'],
  },
  {
    table: 'participants',
    columns: ['id', 'workshop_id', 'key_hash', 'name', 'municipality', 'board_id', 'created_at'],
  },
  { table: 'assets', columns: ['id', 'board_id', 'type', 'data', 'created_at'] },
  {
    table: 'versions',
    columns: ['id', 'board_id', 'name', 'auto', 'records', 'created_at'],
    booleans: ['auto'],
    orderBy: 'rowid',
  },
  {
    table: 'publications',
    columns: ['workshop_id', 'slug', 'version', 'report', 'note', 'published_at'],
  },
  { table: 'workshop_days', columns: ['workshop_id', 'data'] },
  {
    table: 'ballots',
    columns: [
      'vote_id',
      'workshop_id',
      'participant_id',
      'item_id',
      'board_id',
      'votes',
      'polarity',
    ],
  },
  {
    table: 'templates',
    columns: ['id', 'title', 'records', 'created_at', 'workshop_id', 'shared'],
    booleans: ['shared'],
  },
  {
    table: 'accounts',
    columns: ['id', 'issuer', 'subject', 'name', 'email', 'created_at', 'last_sign_in_at'],
  },
  { table: 'sessions', columns: ['id_hash', 'account_id', 'created_at', 'expires_at'] },
  { table: 'scope_facilitators', columns: ['scope_id', 'account_id', 'kind', 'added_at'] },
  { table: 'scope_keys', columns: ['scope_id', 'sealed_token'] },
]

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters, and a few MB at most. */
const ROWS_PER_INSERT = 200

/** A refusal the operator should read, as opposed to a failure. */
export class MigrationRefused extends Error {
  override name = 'MigrationRefused'
}

/**
 * Copies a SQLite database (read only) into PostgreSQL in one transaction, so a failure
 * leaves the target as it was. Refuses a target that already holds boards: merging two
 * installations is not what this is for. Returns the rows copied per table.
 */
export async function copySqliteToPostgres(
  sqlitePath: string,
  pool: pg.Pool,
): Promise<Map<string, number>> {
  const sqlite = new Database(sqlitePath, { readonly: true, fileMustExist: true })
  try {
    checkSourceSchema(sqlite)
    await applyPostgresSchema(pool)
    return await inTransaction(pool, async (client) => {
      // Nobody else may write boards while we check that there are none and fill them.
      await client.query('LOCK TABLE boards IN EXCLUSIVE MODE')
      const { rows } = await client.query<{ count: string }>('SELECT COUNT(*) AS count FROM boards')
      if (Number(rows[0]!.count) > 0) {
        throw new MigrationRefused(
          `The PostgreSQL database already holds ${rows[0]!.count} boards; nothing was copied. ` +
            'Migrate into an empty database.',
        )
      }
      // One read transaction: every table is read as of the same moment.
      sqlite.exec('BEGIN')
      const counts = new Map<string, number>()
      for (const copy of TABLES) {
        counts.set(
          copy.table,
          tableExists(sqlite, copy.table) ? await copyTable(sqlite, client, copy) : 0,
        )
      }
      sqlite.exec('COMMIT')
      return counts
    })
  } finally {
    sqlite.close()
  }
}

function tableExists(sqlite: Database.Database, table: string): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !==
    undefined
  )
}

/**
 * A database that an older server wrote lacks columns added since; opened read only it cannot
 * be upgraded here, so the operator is told to let the current server open it once. Account
 * tables may be missing altogether (no sign-in configured) and are then skipped.
 */
function checkSourceSchema(sqlite: Database.Database) {
  for (const { table, columns } of TABLES) {
    if (!tableExists(sqlite, table)) {
      if (table === 'boards') throw new MigrationRefused('The SQLite file holds no boards table.')
      continue
    }
    const present = new Set(
      (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      ),
    )
    const missing = columns.filter((column) => !present.has(column))
    if (missing.length > 0) {
      throw new MigrationRefused(
        `Table ${table} of the SQLite file lacks ${missing.join(', ')}: it was written by an ` +
          'older release. Start the current server on this DATA_DIR once, stop it, then migrate.',
      )
    }
  }
}

async function copyTable(
  sqlite: Database.Database,
  client: pg.PoolClient,
  { table, columns, booleans = [], orderBy }: TableCopy,
): Promise<number> {
  const select = sqlite.prepare(
    `SELECT ${columns.join(', ')} FROM ${table}${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
  )
  const flags = new Set(booleans)
  let batch: unknown[][] = []
  let copied = 0
  const flush = async () => {
    if (batch.length === 0) return
    const values = batch.map(
      (_, row) =>
        `(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(', ')})`,
    )
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`,
      batch.flat(),
    )
    copied += batch.length
    batch = []
  }
  // Row by row from SQLite, so a large updates table never sits in memory at once.
  for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
    batch.push(columns.map((column) => (flags.has(column) ? row[column] !== 0 : row[column])))
    if (batch.length >= ROWS_PER_INSERT) await flush()
  }
  await flush()
  return copied
}
