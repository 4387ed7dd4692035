import type { WebSocket } from 'ws'
import type { Role } from '../auth/AccessControl'

/** One client's socket in a room, and what it may do there. */
export interface Connection {
  socket: WebSocket
  boardId: string
  role: Role
  /** Which credential (token) admitted it, so rotating that credential can cut it off. */
  credentialId: string | undefined
  /** For a participant of a workshop who said who they are (their key): their id. */
  participantId: string | undefined
  /** Read-only connections (viewers) may read and send presence, never change the doc. */
  readOnly: boolean
  /** Awareness client ids this connection announced; removed when it leaves. */
  awarenessIds: Set<number>
  remoteAddress: string
}
