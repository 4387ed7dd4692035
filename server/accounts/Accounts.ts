import type { IncomingMessage } from 'node:http'
import { generateSecret, hashSecret } from '../auth/tokens'
import type { Config, OidcSettings } from '../config'
import type { Account, AccountStore } from './AccountStore'
import { readCookie, SESSION_COOKIE } from './cookies'
import { OidcRelyingParty, type VerifiedPerson } from './OidcRelyingParty'
import { ServerKey } from './serverKey'

const FACILITATOR_TOKEN_PURPOSE = 'facilitator token'

/** Who a request comes from: signed in, not signed in, or a cookie sent from another site. */
export type RequestPerson =
  | { kind: 'signedIn'; account: Account; sessionHash: Buffer }
  | { kind: 'anonymous' }
  | { kind: 'crossSite' }

/** Why a verified person is not let in, for the page and the log. */
export type AdmissionProblem = 'groupNotAllowed' | 'domainNotAllowed'

/**
 * Sign-in sessions and who facilitates what. The one place that turns a session cookie into an
 * account; `SignedInAccess` asks it when a request carries no token that settles its role.
 */
export class Accounts {
  readonly relyingParty: OidcRelyingParty

  constructor(
    readonly store: AccountStore,
    readonly key: ServerKey,
    private readonly settings: OidcSettings,
    private readonly sessionHours: number,
  ) {
    this.relyingParty = new OidcRelyingParty(settings)
  }

  static open(config: Config, store: AccountStore): Accounts | undefined {
    if (!config.oidc) return undefined
    return new Accounts(
      store,
      ServerKey.load(config.secretKey, config.dataDir),
      config.oidc,
      config.sessionHours,
    )
  }

  get sessionSeconds(): number {
    return Math.round(this.sessionHours * 3600)
  }

  /**
   * The person behind the request's session cookie. A state-changing request (not GET or HEAD)
   * that carries the cookie from another site is reported as such, so no cookie can be used for
   * cross-site request forgery; SameSite=Lax already keeps it off most of them.
   */
  async personOf(req: IncomingMessage): Promise<RequestPerson> {
    const cookie = readCookie(req, SESSION_COOKIE)
    if (!cookie) return { kind: 'anonymous' }
    const sessionHash = hashSecret(cookie)
    const session = await this.store.findSession(sessionHash, Date.now())
    const account = session && (await this.store.getAccount(session.accountId))
    if (!account) return { kind: 'anonymous' }
    if (!isSafeMethod(req.method) && !isSameOrigin(req)) return { kind: 'crossSite' }
    return { kind: 'signedIn', account, sessionHash }
  }

  admissionProblem(person: VerifiedPerson): AdmissionProblem | undefined {
    const { allowedGroups, allowedEmailDomain } = this.settings
    if (allowedGroups.length > 0 && !person.groups.some((g) => allowedGroups.includes(g))) {
      return 'groupNotAllowed'
    }
    if (allowedEmailDomain) {
      const domain = person.email?.split('@')[1]?.toLowerCase()
      if (!person.emailVerified || domain !== allowedEmailDomain) return 'domainNotAllowed'
    }
    return undefined
  }

  /** A fresh session for a verified person; the previous one, if any, ends (no fixation). */
  async startSession(person: VerifiedPerson, previousCookie: string | undefined) {
    if (previousCookie) await this.store.deleteSession(hashSecret(previousCookie))
    const now = Date.now()
    await this.store.deleteExpiredSessions(now)
    const account = await this.store.upsertAccount(
      {
        issuer: person.issuer,
        subject: person.subject,
        name: person.name,
        email: person.email,
        lastSignInAt: now,
      },
      generateSecret().slice(0, 16),
    )
    const cookie = generateSecret()
    await this.store.createSession({
      idHash: hashSecret(cookie),
      accountId: account.id,
      createdAt: now,
      expiresAt: now + this.sessionSeconds * 1000,
    })
    return { account, cookie }
  }

  async endSession(req: IncomingMessage) {
    const cookie = readCookie(req, SESSION_COOKIE)
    if (cookie) await this.store.deleteSession(hashSecret(cookie))
  }

  /** Makes `accountId` the owner of a new scope and keeps its facilitator link for them. */
  async recordCreated(scopeId: string, accountId: string, facilitatorToken: string) {
    await this.rememberFacilitatorToken(scopeId, facilitatorToken)
    await this.store.addFacilitator({ scopeId, accountId, kind: 'owner', addedAt: Date.now() })
  }

  /** Keeps the scope's current facilitator token (after creation, or a rotation). */
  async rememberFacilitatorToken(scopeId: string, facilitatorToken: string) {
    await this.store.setSealedFacilitatorToken(
      scopeId,
      this.key.seal(facilitatorToken, `${FACILITATOR_TOKEN_PURPOSE} ${scopeId}`),
    )
  }

  async facilitatorToken(scopeId: string): Promise<string | undefined> {
    const sealed = await this.store.sealedFacilitatorToken(scopeId)
    return sealed && this.key.open(sealed, `${FACILITATOR_TOKEN_PURPOSE} ${scopeId}`)
  }
}

function isSafeMethod(method: string | undefined) {
  return method === 'GET' || method === 'HEAD'
}

/** The request names this server as its origin (browsers send Origin on every cross-site POST). */
function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (origin) {
    try {
      return new URL(origin).host === req.headers.host
    } catch {
      return false
    }
  }
  // No Origin header: not a browser's cross-site form or fetch; Fetch Metadata, when present,
  // must agree.
  const site = req.headers['sec-fetch-site']
  return site === undefined || site === 'same-origin' || site === 'none'
}
