import type { WebSocket } from 'ws'
import type { Role } from '../auth/AccessControl'
import type { CloseReason } from '../../shared/closeCodes'

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
  /** Every awareness client id it ever spoke for, also as gone (null); bounded per connection. */
  announcedIds: Set<number>
  remoteAddress: string
  /** `node/serial`: names the connection across nodes, so its own update is not echoed to it. */
  origin: string
  /** Set when the server closed it (a broken rule, a revoked token): its queued frames are dropped. */
  closedByServer?: boolean
  /** Several nodes: its updates sent to the board's owner and not yet answered. */
  forwardsInFlight?: number
  /** Closes it with `reason`, as the endpoint does for a broken rule (an owner's refusal). */
  refuse?: (reason: CloseReason, detail: string) => void
  /** "Send me everything" requests (sync step 1, query awareness) after the first wait here. */
  repeats: RepeatedRequests
}

/** Repeated full-state requests of one connection, answered at most once per interval. */
export interface RepeatedRequests {
  answeredAt: { stateVector?: number; awareness?: number }
  /** The newest state vector asked for while waiting, answered when the interval ends. */
  stateVector?: Uint8Array
  awareness?: boolean
  timer?: ReturnType<typeof setTimeout>
}
