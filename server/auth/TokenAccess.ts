import type { IncomingMessage } from 'node:http'
import { clientAddress } from '../http/clientAddress'
import type { Storage } from '../storage/Storage'
import type {
  AccessControl,
  AccessDecision,
  AccessDenied,
  CreationDecision,
  ParticipantDecision,
} from './AccessControl'
import type { FailureLimiter } from './FailureLimiter'
import { hashSecret, sameHash } from './tokens'

const tooMany: AccessDenied = {
  ok: false,
  status: 429,
  reason: 'rateLimited',
  message: 'too many failed attempts; try again later',
}

/**
 * Token-based access: each workshop (or standalone board) has one token per role, kept as
 * SHA-256 hashes. Boards created before tokens existed have none and stay open to anyone
 * with the link, as participants.
 */
export class TokenAccess implements AccessControl {
  private readonly adminHash: Buffer | undefined

  constructor(
    private readonly storage: Storage,
    private readonly limiter: FailureLimiter,
    adminToken: string | undefined,
    private readonly trustProxy = false,
  ) {
    this.adminHash = adminToken ? hashSecret(adminToken) : undefined
  }

  async authorizeBoard(request: IncomingMessage, boardId: string): Promise<AccessDecision> {
    return this.authorizeScope(request, (await this.storage.workshopOfBoard(boardId)) ?? boardId)
  }

  authorizeWorkshop(request: IncomingMessage, workshopId: string): Promise<AccessDecision> {
    return this.authorizeScope(request, workshopId)
  }

  private async authorizeScope(request: IncomingMessage, scopeId: string): Promise<AccessDecision> {
    const records = await this.storage.tokensOf(scopeId)
    if (records.length === 0) {
      return { ok: true, role: 'participant', credentialId: undefined, token: undefined }
    }
    const token = queryParam(request, 'token')
    if (token) {
      const hash = hashSecret(token)
      // Check every role so the time taken does not tell which one matched.
      const matched = records.filter((record) => sameHash(record.hash, hash))[0]
      if (matched) return { ok: true, role: matched.role, credentialId: matched.id, token }
    }
    return this.fail(
      request,
      token,
      token ? 'this link is not valid (any more)' : 'this link needs a token',
    )
  }

  async authorizeCreation(request: IncomingMessage): Promise<CreationDecision> {
    if (!this.adminHash) return { ok: true }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (bearer && sameHash(hashSecret(bearer), this.adminHash)) return { ok: true }
    return this.fail(request, bearer, 'creating needs the admin token')
  }

  async identifyParticipant(
    request: IncomingMessage,
    workshopId: string,
  ): Promise<ParticipantDecision> {
    const key = queryParam(request, 'participant')
    const participant = key
      ? await this.storage.findParticipant(workshopId, hashSecret(key))
      : undefined
    if (participant) return { ok: true, participant }
    return this.fail(request, key, 'unknown participant key; join again')
  }

  /** A right credential never gets here: failures only decide between 401 and 429. */
  private async fail(
    request: IncomingMessage,
    credential: string | undefined,
    message: string,
  ): Promise<AccessDenied> {
    const address = clientAddress(request, this.trustProxy)
    if (await this.limiter.recordFailure(address, credential)) return tooMany
    return { ok: false, status: 401, reason: 'unauthorized', message }
  }
}

function queryParam(request: IncomingMessage, name: string): string | undefined {
  const value = new URL(request.url ?? '/', 'http://localhost').searchParams.get(name)
  return value || undefined
}
