import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/testServer'
import { waitFor } from '../support/syncClients'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

/** Opens a WebSocket by hand and then never answers a ping, like a laptop whose Wi-Fi died. */
async function silentSocket(url: URL, path: string) {
  const socket = net.connect(Number(url.port), url.hostname)
  await new Promise((resolve) => socket.once('connect', resolve))
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  )
  const response = await new Promise<string>((resolve) =>
    socket.once('data', (data: Buffer) => resolve(data.toString('latin1'))),
  )
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  return { socket, response, ended }
}

describe('dead sockets', () => {
  it('drops a connection that stops answering pings, and the room unloads', async () => {
    server = await startTestServer({ PING_INTERVAL_MS: '150', ROOM_GRACE_MS: '50' })
    const board = await server.createBoard()
    const query = new URLSearchParams(board.sync.params).toString()
    const silent = await silentSocket(new URL(server.url), `/sync/${board.id}?${query}`)
    expect(silent.response).toMatch(/^HTTP\/1.1 101/)
    await waitFor(() => server!.rooms.get(board.id) !== undefined)

    await silent.ended
    await waitFor(() => server!.rooms.get(board.id) === undefined)
  })
})
