/** A person who signed in with the municipality's OpenID provider. Only these fields are kept. */
export interface Account {
  id: string
  issuer: string
  /** The provider's stable id of the person (`sub`). */
  subject: string
  name: string
  email: string | null
  createdAt: number
  lastSignInAt: number
}

export interface SessionRecord {
  /** SHA-256 of the session cookie's value. */
  idHash: Buffer
  accountId: string
  createdAt: number
  expiresAt: number
}

/** How a signed-in person came to facilitate a scope (a workshop or a standalone board). */
export type FacilitatorKind = 'owner' | 'cofacilitator'

export interface ScopeFacilitator {
  scopeId: string
  accountId: string
  kind: FacilitatorKind
  addedAt: number
}

/** A scope a person facilitates, with what the lobby needs to list it. */
export interface FacilitatedScope extends ScopeFacilitator {
  title: string
  /** `workshop`, or `board` for a standalone board. */
  scopeKind: 'workshop' | 'board'
  createdAt: number
}

/**
 * Where accounts, sign-in sessions and who-facilitates-what live. Kept apart from `Storage`
 * so that installations without sign-in carry none of it; the SQLite implementation shares
 * the board database's file.
 */
export interface AccountStore {
  /** Creates the account on first sign-in, updates name and e-mail on later ones. */
  upsertAccount(account: Omit<Account, 'id' | 'createdAt'>, newId: string): Promise<Account>
  getAccount(id: string): Promise<Account | undefined>
  /** Accounts whose e-mail is `query`, or whose name contains it (case-insensitive). */
  findAccounts(query: string, limit: number): Promise<Account[]>
  /** Gives every scope `fromId` facilitates to `toId` as well (keeping owner or co-facilitator). */
  handOverScopes(fromId: string, toId: string): Promise<void>
  /** Removes an account, its sessions and its facilitator roles. */
  deleteAccount(id: string): Promise<void>

  createSession(session: SessionRecord): Promise<void>
  /** The live session with this hash; expired ones are not returned. */
  findSession(idHash: Buffer, now: number): Promise<SessionRecord | undefined>
  deleteSession(idHash: Buffer): Promise<void>
  deleteExpiredSessions(now: number): Promise<void>

  addFacilitator(facilitator: ScopeFacilitator): Promise<void>
  removeFacilitator(scopeId: string, accountId: string): Promise<void>
  facilitatorsOf(scopeId: string): Promise<(ScopeFacilitator & { name: string; email: string | null })[]>
  isFacilitator(scopeId: string, accountId: string): Promise<boolean>
  scopesOf(accountId: string): Promise<FacilitatedScope[]>

  /** The scope's facilitator token sealed with the server key, so its links can be shown again. */
  setSealedFacilitatorToken(scopeId: string, sealed: Buffer): Promise<void>
  sealedFacilitatorToken(scopeId: string): Promise<Buffer | undefined>

  /** Erases everything about a scope (with its workshop or board). */
  forgetScope(scopeId: string): Promise<void>
  close(): Promise<void>
}
