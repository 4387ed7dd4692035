import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'
import { BOARD_ROLES, ROLES, type Role } from '../../shared/workshopContracts'
import type { TokenRecord } from '../storage/Storage'

/** 256 random bits, URL-safe: a role's link token or a participant's key. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest()
}

/** Compares two SHA-256 digests without leaking where they differ. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The key that seals the other roles' tokens: derived from the facilitator's token. */
function sealingKey(facilitatorToken: string, scopeId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', facilitatorToken, scopeId, 'samskapa link seal', 32))
}

export function sealToken(token: string, facilitatorToken: string, scopeId: string): Buffer {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealingKey(facilitatorToken, scopeId), iv)
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body])
}

export function openToken(sealed: Buffer, facilitatorToken: string, scopeId: string): string {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    sealingKey(facilitatorToken, scopeId),
    sealed.subarray(0, 12),
  )
  decipher.setAuthTag(sealed.subarray(12, 28))
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')
}

function tokenRecord(
  scopeId: string,
  role: Role,
  token: string,
  facilitatorToken: string,
  now: number,
): TokenRecord {
  return {
    id: generateSecret().slice(0, 16),
    scopeId,
    role,
    hash: hashSecret(token),
    sealed: role === 'facilitator' ? null : sealToken(token, facilitatorToken, scopeId),
    createdAt: now,
    rotatedAt: null,
  }
}

export interface IssuedTokens {
  records: TokenRecord[]
  tokens: Record<Role, string>
}

/**
 * Fresh tokens for every role of a scope: all four for a workshop, all but the recorder's for
 * a standalone board (which has no recorder board).
 */
export function issueTokens(
  scopeId: string,
  now = Date.now(),
  roles: readonly Role[] = ROLES,
): IssuedTokens {
  const tokens = { facilitator: '', participant: '', viewer: '', recorder: '' }
  for (const role of roles) tokens[role] = generateSecret()
  return {
    tokens,
    records: roles.map((role) => tokenRecord(scopeId, role, tokens[role], tokens.facilitator, now)),
  }
}

/** Tokens for a standalone board. */
export function issueBoardTokens(boardId: string, now = Date.now()): IssuedTokens {
  return issueTokens(boardId, now, BOARD_ROLES)
}

/**
 * A recorder token for a workshop created before the recorder role existed, sealed under the
 * facilitator's token like the others.
 */
export function issueRecorderToken(scopeId: string, facilitatorToken: string, now = Date.now()) {
  const token = generateSecret()
  return { token, record: tokenRecord(scopeId, 'recorder', token, facilitatorToken, now) }
}

/** Every role's token of a scope, opened with the facilitator's token. */
export function revealTokens(
  records: readonly TokenRecord[],
  facilitatorToken: string,
): Record<Role, string> {
  const tokens = { facilitator: facilitatorToken, participant: '', viewer: '', recorder: '' }
  for (const record of records) {
    if (record.sealed)
      tokens[record.role] = openToken(record.sealed, facilitatorToken, record.scopeId)
  }
  return tokens
}

export interface Rotation {
  /** The records that changed, to store. */
  replaced: TokenRecord[]
  tokens: Record<Role, string>
  /** The credential id of the token that stopped working. */
  revokedId: string
}

/**
 * A new token for `role`. Rotating the facilitator's token re-seals the others under the new
 * one, so their links keep working while the old facilitator link does not.
 */
export function rotateToken(
  records: readonly TokenRecord[],
  role: Role,
  facilitatorToken: string,
  now = Date.now(),
): Rotation {
  const old = records.find((record) => record.role === role)
  if (!old) throw new Error(`scope has no ${role} token`)
  const tokens = revealTokens(records, facilitatorToken)
  tokens[role] = generateSecret()
  const changed = role === 'facilitator' ? records : [old]
  const replaced = changed.map((record) => ({
    ...tokenRecord(record.scopeId, record.role, tokens[record.role], tokens.facilitator, now),
    id: record.role === role ? generateSecret().slice(0, 16) : record.id,
    createdAt: record.createdAt,
    rotatedAt: record.role === role ? now : record.rotatedAt,
  }))
  return { replaced, tokens, revokedId: old.id }
}
