import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { readRecord, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { SyncInfo } from '../../shared/contracts'
import { factorText } from '../../shared/factors/factorText'

/** A stock y-websocket client in Node, joined exactly as the README tells integrators. */
export function connectProvider(sync: SyncInfo, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(sync.serverUrl, sync.room, doc, {
    params: sync.params,
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  })
  return { doc, provider }
}

/** Polls `condition` (which may read storage, so it may be asynchronous) until it holds. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const started = Date.now()
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export function whenSynced(provider: WebsocketProvider): Promise<void> {
  return waitFor(() => provider.synced)
}

/**
 * Resolves with the code of the first close of `provider`'s connection, 0 when the client
 * closed it itself (y-websocket then gives no event). Call it before the close can happen.
 */
export function firstCloseCode(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) =>
    provider.once('connection-close', (event) => resolve(event?.code ?? 0)),
  )
}

/** A raw socket for sending hand-made frames; resolves with the close code. */
export async function rawSocket(url: string) {
  const socket = new WebSocket(url)
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true))
    socket.once('error', () => resolve(false))
    socket.once('unexpected-response', () => resolve(false))
  })
  return { socket, opened, closed }
}

/** Writes a valid sticky-note record into a board doc, as a tldraw client would. */
export function putNote(doc: Y.Doc, id: string, text: string) {
  doc.transact(() =>
    writeRecords(doc, [noteShape({ id, x: 0, y: 0, index: 'a1' }, { text, color: 'yellow' })]),
  )
}

/** The plain text of a stored note, or undefined. */
export function noteText(doc: Y.Doc, id: string): string | undefined {
  const record = readRecord(doc, id)
  return record ? factorText(record) : undefined
}

/** A board's sync socket URL with its credentials, as a stock client would open it. */
export function syncUrl(sync: SyncInfo): string {
  const query = new URLSearchParams(sync.params).toString()
  return `${sync.serverUrl}/${sync.room}${query ? `?${query}` : ''}`
}
