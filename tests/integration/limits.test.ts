import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { CloseCode } from '../../shared/closeCodes'
import { startTestServer, type TestServer } from '../support/testServer'
import {
  connectProvider,
  firstCloseCode,
  putNote,
  rawSocket,
  syncUrl,
  whenSynced,
} from '../support/syncClients'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const queryAwareness = new Uint8Array([3])

describe('limits', () => {
  it('closes a connection that sends more messages than allowed', async () => {
    server = await startTestServer({ MAX_MESSAGES_PER_SECOND: '20' })
    const board = await server.createBoard()
    const flood = await rawSocket(syncUrl(board.sync))
    for (let i = 0; i < 200; i++) flood.socket.send(queryAwareness)
    expect((await flood.closed).code).toBe(CloseCode.rateLimited)
  })

  it('refuses connections beyond the limit per address', async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '2' })
    const board = await server.createBoard()
    const url = syncUrl(board.sync)
    const first = await rawSocket(url)
    const second = await rawSocket(url)
    const third = await rawSocket(url)
    expect((await third.closed).code).toBe(CloseCode.tooManyConnections)
    first.socket.close()
    second.socket.close()
  })

  it('counts people behind a trusted reverse proxy by the address it forwards', async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '1', TRUST_PROXY: '1' })
    const board = await server.createBoard()
    const { WebSocket } = await import('ws')
    const via = (forwarded: string) =>
      new WebSocket(syncUrl(board.sync), { headers: { 'X-Forwarded-For': forwarded } })
    const closeCode = (socket: InstanceType<typeof WebSocket>) =>
      new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)))
    const anna = via('10.1.1.1')
    const bertil = via('10.2.2.2')
    await Promise.all([anna, bertil].map((s) => new Promise((r) => s.on('open', r))))
    // A forged first entry does not make the same person someone else.
    const annaAgain = via('10.9.9.9, 10.1.1.1')
    expect(await closeCode(annaAgain)).toBe(CloseCode.tooManyConnections)
    anna.close()
    bertil.close()
  })

  it('refuses to load more boards than allowed', async () => {
    server = await startTestServer({ MAX_ROOMS: '1' })
    const one = await server.createBoard()
    const two = await server.createBoard()
    const first = await rawSocket(syncUrl(one.sync))
    const second = await rawSocket(syncUrl(two.sync))
    expect((await second.closed).code).toBe(CloseCode.roomLimitReached)
    first.socket.close()
  })

  it('refuses an update that would grow a board past its size limit', async () => {
    server = await startTestServer({ MAX_DOC_BYTES: String(64 * 1024) })
    const board = await server.createBoard({ template: 'blank' })
    const alice = connectProvider(board.sync)
    await whenSynced(alice.provider)
    const closed = firstCloseCode(alice.provider)
    putNote(alice.doc, 'shape:huge', 'lång text '.repeat(8000))
    expect(await closed).toBe(CloseCode.docTooLarge)
    alice.provider.destroy()
  })

  it('refuses sync sockets from pages on other sites', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const url = syncUrl(board.sync)
    const { WebSocket } = await import('ws')
    const foreign = new WebSocket(url, { headers: { Origin: 'https://evil.example' } })
    const status = await new Promise<number>((resolve) =>
      foreign.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    )
    expect(status).toBe(403)
    const own = new WebSocket(url, { headers: { Origin: server.url } })
    await new Promise((resolve) => own.on('open', resolve))
    own.close()
  })
})

function awarenessFrame(clientIds: number[], state: object) {
  const awareness = new Awareness(new Y.Doc())
  const states = awareness.getStates()
  for (const id of clientIds) {
    states.set(id, state)
    awareness.meta.set(id, { clock: 1, lastUpdated: Date.now() })
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clientIds))
  awareness.destroy()
  return encoding.toUint8Array(encoder)
}

describe('presence limits', () => {
  it('closes a connection whose presence is far larger than a cursor', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const socket = await rawSocket(syncUrl(board.sync))
    socket.socket.send(awarenessFrame([1], { blob: 'x'.repeat(100_000) }))
    expect((await socket.closed).code).toBe(CloseCode.messageTooBig)
  })

  it('closes a connection that announces many presence clients', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const socket = await rawSocket(syncUrl(board.sync))
    const ids = Array.from({ length: 20 }, (_, i) => 1000 + i)
    socket.socket.send(awarenessFrame(ids, { cursor: { x: 1, y: 2 } }))
    expect((await socket.closed).code).toBe(CloseCode.protocolViolation)
  })
})

describe('operations', () => {
  it('serves Prometheus metrics', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const alice = connectProvider(board.sync)
    await whenSynced(alice.provider)
    const text = await (await fetch(`${server.url}/metrics`)).text()
    expect(text).toMatch(/samskapa_rooms_loaded 1/)
    expect(text).toMatch(/samskapa_connections 1/)
    expect(text).toMatch(/samskapa_messages_in_total [1-9]/)
    expect(text).toContain('samskapa_persist_seconds_bucket')
    alice.provider.destroy()
  })

  it('sends security headers with every page', async () => {
    server = await startTestServer()
    const response = await fetch(`${server.url}/`)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  })
})
