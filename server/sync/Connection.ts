import type { WebSocket } from 'ws'

/** One client's socket in a room, and what it may do there. */
export interface Connection {
  socket: WebSocket
  /** Read-only connections (viewers) may read and send presence, never change the doc. */
  readOnly: boolean
  /** Awareness client ids this connection announced; removed when it leaves. */
  awarenessIds: Set<number>
  remoteAddress: string
}
