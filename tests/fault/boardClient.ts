import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { readRecords, type RecordJson } from '../../shared/board/boardDoc'
import type { SyncInfo } from '../../shared/contracts'

// Each provider listens for the process's exit; a case runs up to 20 of them at once.
process.setMaxListeners(64)

/**
 * A stock y-websocket client bound to a board doc. The short backoff cap only makes the
 * tests quicker; reconnecting is still the provider's own doing.
 */
export function boardClient(sync: SyncInfo, url: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/sync`, sync.room, doc, {
    params: sync.params,
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 300,
  })
  return { doc, provider }
}

export type BoardClient = ReturnType<typeof boardClient>

/** The doc's records as comparable JSON, sorted by id. */
export function recordsById(doc: Y.Doc): RecordJson[] {
  return readRecords(doc).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function sameContent(a: Y.Doc, b: Y.Doc): boolean {
  return (
    Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
    JSON.stringify(recordsById(a)) === JSON.stringify(recordsById(b))
  )
}
