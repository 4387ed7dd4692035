import type { IncomingMessage } from 'node:http'
import type { CloseReason } from '../../shared/closeCodes'

export type Role = 'facilitator' | 'participant' | 'viewer'

export type AccessDecision =
  | { ok: true; role: Role; credentialId: string | undefined }
  | { ok: false; status: 401 | 403 | 429; reason: CloseReason; message: string }

/**
 * The one place that turns a request's credentials into a role on a board. The HTTP routes
 * and the sync endpoint both ask it; nothing else looks at tokens.
 */
export interface AccessControl {
  authorizeBoard(request: IncomingMessage, boardId: string): AccessDecision
}

/** Until boards carry tokens, anyone holding a board's link may edit it. */
export class OpenAccess implements AccessControl {
  authorizeBoard(): AccessDecision {
    return { ok: true, role: 'participant', credentialId: undefined }
  }
}
