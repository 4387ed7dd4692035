import { afterEach, describe, expect, it } from 'vitest'
import { openLive } from '../support/liveClient'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

const bounds = { x: 100, y: 200, w: 800, h: 600 }

describe("the room's attention", () => {
  it('sends Samla alla här to every page live, and keeps Följ mig until released', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const boardId = workshop.boards[0]!.id
    const { params } = await joinGroup(server.url, workshop, 0)
    const participant = await openLive(server.url, workshop.id, params)
    cleanups.push(() => participant.close())
    await participant.state(() => true)
    const f = { token: tokenOf(workshop.links.facilitator) }
    const at = `/api/workshops/${workshop.id}/attention`

    expect(
      (await call(server.url, 'POST', at, f, { kind: 'summon', boardId, bounds })).status,
    ).toBe(200)
    const summon = await participant.attention()
    expect(summon).toMatchObject({ kind: 'summon', boardId, bounds })

    await call(server.url, 'POST', at, f, { kind: 'follow', boardId, bounds })
    await participant.state((s) => s.day.attention.some((a) => a.mode === 'follow'))
    await call(server.url, 'POST', at, f, { kind: 'release', boardId })
    await participant.state((s) => s.day.attention.length === 0)
  })

  it('refuses participants, unknown boards and malformed bounds', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const boardId = workshop.boards[0]!.id
    const at = `/api/workshops/${workshop.id}/attention`
    const f = { token: tokenOf(workshop.links.facilitator) }
    const p = { token: tokenOf(workshop.links.participant) }
    expect(
      (await call(server.url, 'POST', at, p, { kind: 'summon', boardId, bounds })).status,
    ).toBe(403)
    const unknown = await call(server.url, 'POST', at, f, { kind: 'summon', boardId: 'x', bounds })
    expect(unknown.status).toBe(404)
    for (const body of [
      { kind: 'summon', boardId },
      { kind: 'summon', boardId, bounds: { ...bounds, w: -1 } },
      { kind: 'summon', boardId, bounds: { ...bounds, x: 1e308 } },
      { kind: 'shout', boardId, bounds },
    ]) {
      expect((await call(server.url, 'POST', at, f, body)).status, JSON.stringify(body)).toBe(400)
    }
  })
})
