import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { startTestServer, tokenQuery, type TestServer } from '../support/testServer'
import { rawSocket, syncUrl } from '../support/syncClients'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

describe('rooms and REST', () => {
  it('reads boards over REST without loading their rooms', async () => {
    server = await startTestServer({ MAX_ROOMS: '1' })
    const boards = await Promise.all([1, 2, 3].map(() => server!.createBoard()))
    const workshop = await createWorkshop(server.url, { title: 'W', groups: 3 })
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    for (let round = 0; round < 5; round++) {
      for (const board of boards) {
        const response = await fetch(
          `${server.url}/api/boards/${board.id}/outcome${tokenQuery(board.id)}`,
        )
        expect(response.status).toBe(200)
      }
      for (const path of ['overview', 'synthesis']) {
        const response = await call(
          server.url,
          'GET',
          `/api/workshops/${workshop.id}/${path}`,
          facilitator,
        )
        expect(response.status).toBe(200)
      }
    }
    expect(server.rooms.size).toBe(0)
    const socket = await rawSocket(syncUrl(boards[0]!.sync))
    expect(socket.opened).toBe(true)
    socket.socket.close()
    expect((await socket.closed).code).not.toBe(CloseCode.roomLimitReached)
  })

  it('answers a write with 503 and a message when every room is taken', async () => {
    server = await startTestServer({ MAX_ROOMS: '1' })
    const [open, other] = [await server.createBoard(), await server.createBoard()]
    const socket = await rawSocket(syncUrl(open.sync))
    const response = await fetch(
      `${server.url}/api/boards/${other.id}/import${tokenQuery(other.id)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: '+ Bra ledarskap',
      },
    )
    expect(response.status).toBe(503)
    expect(((await response.json()) as { message: string }).message).toMatch(/too many boards/)
    socket.socket.close()
  })

  it('limits how many boards and workshops one address creates per minute', async () => {
    server = await startTestServer({ CREATES_PER_MINUTE: '3' })
    for (let i = 0; i < 2; i++) await server.createBoard()
    await createWorkshop(server.url)
    const refused = await fetch(`${server.url}/api/boards`, { method: 'POST' })
    expect(refused.status).toBe(429)
  })

  it('limits how many participants one address joins per minute', async () => {
    server = await startTestServer({ JOINS_PER_MINUTE: '3' })
    const workshop = await createWorkshop(server.url)
    const participant = { token: tokenOf(workshop.links.participant) }
    const join = (name: string) =>
      call(server!.url, 'POST', `/api/workshops/${workshop.id}/join`, participant, { name })
    for (const name of ['Anna', 'Bertil', 'Cecilia']) expect((await join(name)).status).toBe(201)
    expect((await join('David')).status).toBe(429)
  })
})
