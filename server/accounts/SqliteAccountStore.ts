import path from 'node:path'
import Database from 'better-sqlite3'
import type {
  Account,
  AccountStore,
  FacilitatedScope,
  ScopeFacilitator,
  SessionRecord,
} from './AccountStore'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  created_at INTEGER NOT NULL,
  last_sign_in_at INTEGER NOT NULL,
  UNIQUE (issuer, subject)
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash BLOB PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS scope_facilitators (
  scope_id TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('owner', 'cofacilitator')),
  added_at INTEGER NOT NULL,
  PRIMARY KEY (scope_id, account_id)
);
CREATE INDEX IF NOT EXISTS scope_facilitators_by_account ON scope_facilitators(account_id);
CREATE TABLE IF NOT EXISTS scope_keys (
  scope_id TEXT PRIMARY KEY,
  sealed_token BLOB NOT NULL
);
`

const ACCOUNT_COLUMNS = `id, issuer, subject, name, email, created_at AS createdAt,
  last_sign_in_at AS lastSignInAt`

/**
 * Accounts and sessions in the board database's SQLite file, through a connection of its own
 * (WAL lets both connections work side by side). `secure_delete` zeroes erased rows, as the
 * board storage does, since names and e-mail addresses are personal data.
 */
export class SqliteAccountStore implements AccountStore {
  private readonly db: Database.Database
  private readonly statements

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'samskapa.db'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('secure_delete = ON')
    this.db.exec(SCHEMA)
    const db = this.db
    this.statements = {
      upsertAccount: db.prepare(
        `INSERT INTO accounts (id, issuer, subject, name, email, created_at, last_sign_in_at)
         VALUES (@id, @issuer, @subject, @name, @email, @lastSignInAt, @lastSignInAt)
         ON CONFLICT (issuer, subject) DO UPDATE SET name = excluded.name,
           email = excluded.email, last_sign_in_at = excluded.last_sign_in_at`,
      ),
      accountBySubject: db.prepare(
        `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE issuer = ? AND subject = ?`,
      ),
      account: db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`),
      findAccounts: db.prepare(
        `SELECT ${ACCOUNT_COLUMNS} FROM accounts
         WHERE lower(email) = lower(@query) OR instr(lower(name), lower(@query)) > 0
         ORDER BY name LIMIT @limit`,
      ),
      deleteAccount: db.prepare('DELETE FROM accounts WHERE id = ?'),
      handOver: db.prepare(
        `INSERT INTO scope_facilitators (scope_id, account_id, kind, added_at)
         SELECT scope_id, @toId, kind, @now FROM scope_facilitators WHERE account_id = @fromId
         ON CONFLICT DO NOTHING`,
      ),
      insertSession: db.prepare(
        `INSERT INTO sessions (id_hash, account_id, created_at, expires_at)
         VALUES (@idHash, @accountId, @createdAt, @expiresAt)`,
      ),
      findSession: db.prepare(
        `SELECT id_hash AS idHash, account_id AS accountId, created_at AS createdAt,
           expires_at AS expiresAt FROM sessions WHERE id_hash = ? AND expires_at > ?`,
      ),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
      deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      addFacilitator: db.prepare(
        `INSERT INTO scope_facilitators (scope_id, account_id, kind, added_at)
         VALUES (@scopeId, @accountId, @kind, @addedAt) ON CONFLICT DO NOTHING`,
      ),
      removeFacilitator: db.prepare(
        'DELETE FROM scope_facilitators WHERE scope_id = ? AND account_id = ?',
      ),
      facilitatorsOf: db.prepare(
        `SELECT f.scope_id AS scopeId, f.account_id AS accountId, f.kind, f.added_at AS addedAt,
           a.name, a.email
         FROM scope_facilitators f JOIN accounts a ON a.id = f.account_id
         WHERE f.scope_id = ? ORDER BY f.added_at`,
      ),
      isFacilitator: db.prepare(
        'SELECT 1 FROM scope_facilitators WHERE scope_id = ? AND account_id = ?',
      ),
      // Workshops and standalone boards live in the board storage's tables of the same file.
      scopesOf: db.prepare(
        `SELECT f.scope_id AS scopeId, f.account_id AS accountId, f.kind, f.added_at AS addedAt,
           COALESCE(w.title, b.title) AS title,
           CASE WHEN w.id IS NULL THEN 'board' ELSE 'workshop' END AS scopeKind,
           COALESCE(w.created_at, b.created_at) AS createdAt
         FROM scope_facilitators f
         LEFT JOIN workshops w ON w.id = f.scope_id
         LEFT JOIN boards b ON b.id = f.scope_id
         WHERE f.account_id = ? AND (w.id IS NOT NULL OR b.id IS NOT NULL)
         ORDER BY createdAt DESC`,
      ),
      setSealed: db.prepare(
        `INSERT INTO scope_keys (scope_id, sealed_token) VALUES (?, ?)
         ON CONFLICT (scope_id) DO UPDATE SET sealed_token = excluded.sealed_token`,
      ),
      sealed: db.prepare('SELECT sealed_token AS sealed FROM scope_keys WHERE scope_id = ?'),
      forgetFacilitators: db.prepare('DELETE FROM scope_facilitators WHERE scope_id = ?'),
      forgetKey: db.prepare('DELETE FROM scope_keys WHERE scope_id = ?'),
    }
  }

  async upsertAccount(account: Omit<Account, 'id' | 'createdAt'>, newId: string): Promise<Account> {
    this.statements.upsertAccount.run({ ...account, id: newId })
    return this.statements.accountBySubject.get(account.issuer, account.subject) as Account
  }

  async getAccount(id: string): Promise<Account | undefined> {
    return this.statements.account.get(id) as Account | undefined
  }

  async findAccounts(query: string, limit: number): Promise<Account[]> {
    return this.statements.findAccounts.all({ query, limit }) as Account[]
  }

  async handOverScopes(fromId: string, toId: string) {
    this.statements.handOver.run({ fromId, toId, now: Date.now() })
  }

  async deleteAccount(id: string) {
    this.statements.deleteAccount.run(id)
  }

  async createSession(session: SessionRecord) {
    this.statements.insertSession.run(session)
  }

  async findSession(idHash: Buffer, now: number): Promise<SessionRecord | undefined> {
    return this.statements.findSession.get(idHash, now) as SessionRecord | undefined
  }

  async deleteSession(idHash: Buffer) {
    this.statements.deleteSession.run(idHash)
  }

  async deleteExpiredSessions(now: number) {
    this.statements.deleteExpired.run(now)
  }

  async addFacilitator(facilitator: ScopeFacilitator) {
    this.statements.addFacilitator.run(facilitator)
  }

  async removeFacilitator(scopeId: string, accountId: string) {
    this.statements.removeFacilitator.run(scopeId, accountId)
  }

  async facilitatorsOf(scopeId: string) {
    return this.statements.facilitatorsOf.all(scopeId) as (ScopeFacilitator & {
      name: string
      email: string | null
    })[]
  }

  async isFacilitator(scopeId: string, accountId: string): Promise<boolean> {
    return this.statements.isFacilitator.get(scopeId, accountId) !== undefined
  }

  async scopesOf(accountId: string): Promise<FacilitatedScope[]> {
    return this.statements.scopesOf.all(accountId) as FacilitatedScope[]
  }

  async setSealedFacilitatorToken(scopeId: string, sealed: Buffer) {
    this.statements.setSealed.run(scopeId, sealed)
  }

  async sealedFacilitatorToken(scopeId: string): Promise<Buffer | undefined> {
    return (this.statements.sealed.get(scopeId) as { sealed: Buffer } | undefined)?.sealed
  }

  async forgetScope(scopeId: string) {
    this.db.transaction(() => {
      this.statements.forgetFacilitators.run(scopeId)
      this.statements.forgetKey.run(scopeId)
    })()
  }

  async close() {
    this.db.close()
  }
}
