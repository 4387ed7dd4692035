import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startTestServer, type TestServer } from '../support/testServer'
import { connectProvider, putNote, syncUrl, waitFor, whenSynced } from '../support/syncClients'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'
import { slowestHealthAnswer } from '../support/health'

let server: TestServer | undefined
const cleanups: (() => void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

const emptyStep1 = new Uint8Array([0, 0, 1, 0])
const queryAwareness = new Uint8Array([3])

/** A raw socket that counts the frames of each kind the server sends it. */
async function countingSocket(url: string) {
  const socket = new WebSocket(url)
  cleanups.push(() => socket.terminate())
  const received = { step2: 0, awareness: 0 }
  socket.on('message', (data: Buffer) => {
    if (data[0] === 0 && data[1] === 1) received.step2++
    if (data[0] === 1) received.awareness++
  })
  await new Promise((resolve) => socket.once('open', resolve))
  return { socket, received }
}

describe('the event loop under repeated or heavy requests', () => {
  it('answers repeated requests for the whole doc and every presence once per connection', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const { socket, received } = await countingSocket(syncUrl(board.sync))
    for (let i = 0; i < 20; i++) {
      socket.send(emptyStep1)
      socket.send(queryAwareness)
    }
    await waitFor(() => received.step2 >= 1 && received.awareness >= 1)
    // Another client's change reaches it as an update, proving the server went on reading.
    const writer = connectProvider(board.sync)
    cleanups.push(() => writer.provider.destroy())
    await whenSynced(writer.provider)
    putNote(writer.doc, 'shape:later', 'senare')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(received).toEqual({ step2: 1, awareness: 1 })
  })

  it('keeps /healthz answering while a large synthesis is planned', async () => {
    server = await startTestServer({ GATHER_TIMEOUT_MS: '170000' })
    const workshop = await createWorkshop(server.url, { title: 'Stor', groups: 4 })
    const facilitator = tokenOf(workshop.links.facilitator)
    const groups = workshop.boards.filter((board) => board.kind === 'group')
    for (const [g, group] of groups.entries()) {
      const rows = Array.from(
        { length: 120 },
        (_, i) => `Grupp ${g} faktor ${i} om ledarskap kompetens och ${i % 7} resurser,-,Ledarskap`,
      )
      const response = await fetch(
        `${server.url}/api/boards/${group.id}/import?token=${facilitator}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'text/csv' },
          body: ['text,polarity,cluster', ...rows].join('\n'),
        },
      )
      expect(response.status).toBe(200)
    }
    const synthesis = call(server.url, 'GET', `/api/workshops/${workshop.id}/synthesis`, {
      token: facilitator,
    })
    const overview = (async () => {
      for (let i = 0; i < 5; i++) {
        await call(server!.url, 'GET', `/api/workshops/${workshop.id}/overview`, {
          token: facilitator,
        })
      }
    })()
    const started = performance.now()
    const slowest = await slowestHealthAnswer(server.url, Promise.all([synthesis, overview]))
    const planningMs = performance.now() - started
    expect((await synthesis).status).toBe(200)
    // Well under 100 ms on an idle machine. A shared test machine slows everything alike, so
    // the bound is relative: planning on the event loop held /healthz for the whole planning.
    console.log(`slowest /healthz ${Math.round(slowest)} ms, planning ${Math.round(planningMs)} ms`)
    expect(slowest).toBeLessThan(planningMs / 4)
    expect(slowest).toBeLessThan(5000)
  }, 180_000)

  it('closes a reader that falls too far behind, and its next connection gets the whole board', async () => {
    // Loopback sockets buffer megabytes in the kernel; the notes must outgrow that first.
    server = await startTestServer({
      MAX_BUFFERED_BYTES: String(64 * 1024),
    })
    const board = await server.createBoard({ template: 'blank' })
    const slow = new WebSocket(syncUrl(board.sync))
    cleanups.push(() => slow.terminate())
    const closed = new Promise<number>((resolve) => slow.on('close', (code) => resolve(code)))
    await new Promise((resolve) => slow.once('open', resolve))
    ;(slow as unknown as { _socket: { pause(): void } })._socket.pause()
    const writer = connectProvider(board.sync)
    cleanups.push(() => writer.provider.destroy())
    await whenSynced(writer.provider)
    // Random text: sync sockets compress, and repeated characters would shrink to nothing.
    for (let i = 0; i < 14 && server.rooms.get(board.id)!.connections.size > 1; i++) {
      putNote(writer.doc, `shape:big${i}`, randomBytes(750_000).toString('base64'))
      await new Promise((resolve) => setTimeout(resolve, 30))
    }
    await waitFor(() => server!.rooms.get(board.id)!.connections.size === 1, 60_000)
    ;(slow as unknown as { _socket: { resume(): void } })._socket.resume()
    expect([1013, 1006]).toContain(await closed)
    const metrics = await (await fetch(`${server.url}/metrics`)).text()
    expect(metrics).toMatch(/samskapa_closes_total\{reason="tooSlow"\} [1-9]/)
    // The writer's last notes (a megabyte each) may still be on their way to the server.
    const written = writer.doc.getMap('records').size
    await waitFor(() => server!.rooms.get(board.id)!.doc.getMap('records').size === written, 60_000)
    const fresh = connectProvider(board.sync)
    cleanups.push(() => fresh.provider.destroy())
    await whenSynced(fresh.provider)
    expect(fresh.doc.getMap('records').size).toBe(written)
  }, 120_000)
})
