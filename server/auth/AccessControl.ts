import type { IncomingMessage } from 'node:http'
import type { CloseReason } from '../../shared/closeCodes'
import type { Role } from '../../shared/workshopContracts'
import type { ParticipantRecord } from '../storage/Storage'

export type { Role }

export type AccessDenied = {
  ok: false
  status: 401 | 403 | 429
  reason: CloseReason
  message: string
}

export type AccessDecision =
  | {
      ok: true
      role: Role
      /** Which stored token admitted the request; undefined on boards without tokens. */
      credentialId: string | undefined
      /** The token presented, so a facilitator's request can re-open the other links. */
      token: string | undefined
    }
  | AccessDenied

/** Creating is allowed; `accountId` names the signed-in person who creates, if any. */
export type CreationDecision = { ok: true; accountId?: string } | AccessDenied

export type ParticipantDecision = { ok: true; participant: ParticipantRecord } | AccessDenied

/**
 * The one place that turns a request's credentials into a role. The HTTP routes and the sync
 * endpoint both ask it; nothing else looks at tokens. Failed checks count against the
 * caller's address and end in 429 past the limit.
 */
export interface AccessControl {
  /** The role of the `token` query parameter on a board (its workshop's tokens, or its own). */
  authorizeBoard(request: IncomingMessage, boardId: string): Promise<AccessDecision>
  /** The role of the `token` query parameter on a workshop. */
  authorizeWorkshop(request: IncomingMessage, workshopId: string): Promise<AccessDecision>
  /** Whether the request may create workshops and boards (sign-in or ADMIN_TOKEN, when set). */
  authorizeCreation(request: IncomingMessage): Promise<CreationDecision>
  /** The participant whose key is the `participant` query parameter. */
  identifyParticipant(request: IncomingMessage, workshopId: string): Promise<ParticipantDecision>
}
