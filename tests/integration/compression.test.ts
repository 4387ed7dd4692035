import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'
import { connectProvider, putNote, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { recordsMap } from '../../shared/board/boardDoc'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

/** Bytes a new client reads off the TCP socket until it holds a 300-note board. */
async function initialSyncWireBytes(env: Record<string, string>) {
  server = await startTestServer(env)
  const board = await server.createBoard()
  const writer = connectProvider(board.sync)
  await whenSynced(writer.provider)
  for (let i = 0; i < 300; i++)
    putNote(writer.doc, `shape:n${i}`, `Otydligt mandat från ledningen ${i}`)
  const records = recordsMap(writer.doc).size
  const reader = connectProvider(board.sync)
  try {
    await waitFor(() => recordsMap(reader.doc).size === records)
    const socket = reader.provider.ws as unknown as WebSocket & { _socket: Socket }
    return {
      wire: socket._socket.bytesRead,
      doc: Y.encodeStateAsUpdate(reader.doc).byteLength,
      extensions: socket.extensions,
    }
  } finally {
    writer.provider.destroy()
    reader.provider.destroy()
  }
}

describe('sync socket compression', () => {
  it('sends a board’s initial sync compressed to clients that offer permessage-deflate', async () => {
    const { wire, doc, extensions } = await initialSyncWireBytes({})
    expect(extensions).toContain('permessage-deflate')
    expect(wire).toBeLessThan(doc * 0.5)
  })

  it('sends it as it is with SYNC_COMPRESSION=off', async () => {
    const { wire, doc, extensions } = await initialSyncWireBytes({ SYNC_COMPRESSION: 'off' })
    expect(extensions).toBe('')
    expect(wire).toBeGreaterThan(doc)
  })
})
