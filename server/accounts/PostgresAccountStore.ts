import pg from 'pg'
import { applyPostgresSchema } from '../storage/postgres/postgresSchema'
import { createPostgresPool, inTransaction } from '../storage/postgres/postgresPool'
import { toNumber } from '../storage/postgres/postgresValues'
import type {
  Account,
  AccountStore,
  FacilitatedScope,
  FacilitatorKind,
  ScopeFacilitator,
  SessionRecord,
} from './AccountStore'

const ACCOUNT_COLUMNS = 'id, issuer, subject, name, email, created_at, last_sign_in_at'

type AccountRow = {
  id: string
  issuer: string
  subject: string
  name: string
  email: string | null
  created_at: string
  last_sign_in_at: string
}

const accountOf = (row: AccountRow): Account => ({
  id: row.id,
  issuer: row.issuer,
  subject: row.subject,
  name: row.name,
  email: row.email,
  createdAt: toNumber(row.created_at),
  lastSignInAt: toNumber(row.last_sign_in_at),
})

type FacilitatorRow = {
  scope_id: string
  account_id: string
  kind: FacilitatorKind
  added_at: string
}

const facilitatorOf = (row: FacilitatorRow): ScopeFacilitator => ({
  scopeId: row.scope_id,
  accountId: row.account_id,
  kind: row.kind,
  addedAt: toNumber(row.added_at),
})

/**
 * Accounts and sessions in PostgreSQL, next to the board tables (server/storage/postgres),
 * whose workshops and boards scopesOf joins, as SqliteAccountStore does in the shared file.
 * Names and e-mail addresses are compared and sorted like SQLite's: case-insensitive search,
 * byte order (COLLATE "C") for the listing.
 */
export class PostgresAccountStore implements AccountStore {
  private readonly pool: pg.Pool
  /** Only a pool made here is ended by close(); one shared with PostgresStorage is not. */
  private readonly ownsPool: boolean

  constructor(connection: string | pg.Pool) {
    this.ownsPool = typeof connection === 'string'
    this.pool = typeof connection === 'string' ? createPostgresPool(connection) : connection
  }

  /** Connects to `url` (or uses `pool`) and creates the tables that are missing. */
  static async open(connection: string | pg.Pool): Promise<PostgresAccountStore> {
    const store = new PostgresAccountStore(connection)
    try {
      await applyPostgresSchema(store.pool)
    } catch (error) {
      await store.close()
      throw error
    }
    return store
  }

  async upsertAccount(account: Omit<Account, 'id' | 'createdAt'>, newId: string) {
    const { rows } = await this.pool.query<AccountRow>(
      `INSERT INTO accounts (${ACCOUNT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (issuer, subject) DO UPDATE SET name = excluded.name,
         email = excluded.email, last_sign_in_at = excluded.last_sign_in_at
       RETURNING ${ACCOUNT_COLUMNS}`,
      [newId, account.issuer, account.subject, account.name, account.email, account.lastSignInAt],
    )
    return accountOf(rows[0]!)
  }

  async getAccount(id: string): Promise<Account | undefined> {
    const { rows } = await this.pool.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`,
      [id],
    )
    return rows[0] && accountOf(rows[0])
  }

  async findAccounts(query: string, limit: number): Promise<Account[]> {
    // strpos, not LIKE: a % or _ in what someone typed is a character to find, as with instr.
    const { rows } = await this.pool.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts
       WHERE lower(email) = lower($1) OR strpos(lower(name), lower($1)) > 0
       ORDER BY name COLLATE "C" LIMIT $2`,
      [query, limit],
    )
    return rows.map(accountOf)
  }

  async handOverScopes(fromId: string, toId: string) {
    await this.pool.query(
      `INSERT INTO scope_facilitators (scope_id, account_id, kind, added_at)
       SELECT scope_id, $2, kind, $3 FROM scope_facilitators WHERE account_id = $1
       ON CONFLICT DO NOTHING`,
      [fromId, toId, Date.now()],
    )
  }

  /** Sessions and facilitator roles go with the account (ON DELETE CASCADE). */
  async deleteAccount(id: string) {
    await this.pool.query('DELETE FROM accounts WHERE id = $1', [id])
  }

  async createSession(session: SessionRecord) {
    await this.pool.query(
      'INSERT INTO sessions (id_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [session.idHash, session.accountId, session.createdAt, session.expiresAt],
    )
  }

  async findSession(idHash: Buffer, now: number): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<{
      id_hash: Buffer
      account_id: string
      created_at: string
      expires_at: string
    }>(
      `SELECT id_hash, account_id, created_at, expires_at FROM sessions
       WHERE id_hash = $1 AND expires_at > $2`,
      [idHash, now],
    )
    const row = rows[0]
    return (
      row && {
        idHash: row.id_hash,
        accountId: row.account_id,
        createdAt: toNumber(row.created_at),
        expiresAt: toNumber(row.expires_at),
      }
    )
  }

  async deleteSession(idHash: Buffer) {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash])
  }

  async deleteExpiredSessions(now: number) {
    await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])
  }

  async addFacilitator(facilitator: ScopeFacilitator) {
    await this.pool.query(
      `INSERT INTO scope_facilitators (scope_id, account_id, kind, added_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [facilitator.scopeId, facilitator.accountId, facilitator.kind, facilitator.addedAt],
    )
  }

  async removeFacilitator(scopeId: string, accountId: string) {
    await this.pool.query(
      'DELETE FROM scope_facilitators WHERE scope_id = $1 AND account_id = $2',
      [scopeId, accountId],
    )
  }

  async facilitatorsOf(scopeId: string) {
    const { rows } = await this.pool.query<FacilitatorRow & { name: string; email: string | null }>(
      `SELECT f.scope_id, f.account_id, f.kind, f.added_at, a.name, a.email
       FROM scope_facilitators f JOIN accounts a ON a.id = f.account_id
       WHERE f.scope_id = $1 ORDER BY f.added_at`,
      [scopeId],
    )
    return rows.map((row) => ({ ...facilitatorOf(row), name: row.name, email: row.email }))
  }

  async isFacilitator(scopeId: string, accountId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM scope_facilitators WHERE scope_id = $1 AND account_id = $2',
      [scopeId, accountId],
    )
    return (rowCount ?? 0) > 0
  }

  async scopesOf(accountId: string): Promise<FacilitatedScope[]> {
    const { rows } = await this.pool.query<
      FacilitatorRow & { title: string; scope_kind: 'workshop' | 'board'; scope_created_at: string }
    >(
      `SELECT f.scope_id, f.account_id, f.kind, f.added_at,
         COALESCE(w.title, b.title) AS title,
         CASE WHEN w.id IS NULL THEN 'board' ELSE 'workshop' END AS scope_kind,
         COALESCE(w.created_at, b.created_at) AS scope_created_at
       FROM scope_facilitators f
       LEFT JOIN workshops w ON w.id = f.scope_id
       LEFT JOIN boards b ON b.id = f.scope_id
       WHERE f.account_id = $1 AND (w.id IS NOT NULL OR b.id IS NOT NULL)
       ORDER BY scope_created_at DESC`,
      [accountId],
    )
    return rows.map((row) => ({
      ...facilitatorOf(row),
      title: row.title,
      scopeKind: row.scope_kind,
      createdAt: toNumber(row.scope_created_at),
    }))
  }

  async setSealedFacilitatorToken(scopeId: string, sealed: Buffer) {
    await this.pool.query(
      `INSERT INTO scope_keys (scope_id, sealed_token) VALUES ($1, $2)
       ON CONFLICT (scope_id) DO UPDATE SET sealed_token = excluded.sealed_token`,
      [scopeId, sealed],
    )
  }

  async sealedFacilitatorToken(scopeId: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ sealed_token: Buffer }>(
      'SELECT sealed_token FROM scope_keys WHERE scope_id = $1',
      [scopeId],
    )
    return rows[0]?.sealed_token
  }

  async forgetScope(scopeId: string) {
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM scope_facilitators WHERE scope_id = $1', [scopeId])
      await client.query('DELETE FROM scope_keys WHERE scope_id = $1', [scopeId])
    })
  }

  async close() {
    if (this.ownsPool) await this.pool.end()
  }
}
