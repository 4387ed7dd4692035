import type { IncomingMessage } from 'node:http'
import type {
  AccessControl,
  AccessDecision,
  AccessDenied,
  CreationDecision,
  ParticipantDecision,
} from '../auth/AccessControl'
import { hashSecret, sameHash } from '../auth/tokens'
import type { Storage } from '../storage/Storage'
import type { Accounts } from './Accounts'

const signInNeeded: AccessDenied = {
  ok: false,
  status: 401,
  reason: 'unauthorized',
  message: 'sign in to create workshops and boards',
}

const crossSite: AccessDenied = {
  ok: false,
  status: 403,
  reason: 'forbidden',
  message: 'a request from another site may not use your sign-in',
}

/**
 * Sign-in on top of link tokens. Links keep working exactly as before; a signed-in person who
 * facilitates the scope is its facilitator whichever link they opened (or none), and creating
 * needs a sign-in (or the admin token, for scripts).
 */
export class SignedInAccess implements AccessControl {
  constructor(
    private readonly tokens: AccessControl,
    private readonly accounts: Accounts,
    private readonly storage: Storage,
  ) {}

  async authorizeBoard(request: IncomingMessage, boardId: string): Promise<AccessDecision> {
    const scopeId = (await this.storage.workshopOfBoard(boardId)) ?? boardId
    return this.withSignIn(request, scopeId, await this.tokens.authorizeBoard(request, boardId))
  }

  async authorizeWorkshop(request: IncomingMessage, workshopId: string): Promise<AccessDecision> {
    const decision = await this.tokens.authorizeWorkshop(request, workshopId)
    return this.withSignIn(request, workshopId, decision)
  }

  async authorizeCreation(request: IncomingMessage): Promise<CreationDecision> {
    const person = await this.accounts.personOf(request)
    if (person.kind === 'crossSite') return crossSite
    if (person.kind === 'signedIn') return { ok: true, accountId: person.account.id }
    if (request.headers.authorization) return this.tokens.authorizeCreation(request)
    return signInNeeded
  }

  identifyParticipant(request: IncomingMessage, workshopId: string): Promise<ParticipantDecision> {
    return this.tokens.identifyParticipant(request, workshopId)
  }

  private async withSignIn(
    request: IncomingMessage,
    scopeId: string,
    decision: AccessDecision,
  ): Promise<AccessDecision> {
    if (decision.ok && decision.role === 'facilitator') return decision
    if (!decision.ok && decision.status === 429) return decision
    const person = await this.accounts.personOf(request)
    if (person.kind !== 'signedIn') return decision
    if (!(await this.accounts.store.isFacilitator(scopeId, person.account.id))) return decision
    const token = await this.accounts.facilitatorToken(scopeId)
    const record = (await this.storage.tokensOf(scopeId)).find((r) => r.role === 'facilitator')
    if (!token || !record || !sameHash(record.hash, hashSecret(token))) return decision
    return { ok: true, role: 'facilitator', credentialId: record.id, token }
  }
}
