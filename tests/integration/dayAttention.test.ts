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

  it('moves the view of what stands, and never starts control again after release', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const boardId = workshop.boards[0]!.id
    const { params } = await joinGroup(server.url, workshop, 0)
    const participant = await openLive(server.url, workshop.id, params)
    cleanups.push(() => participant.close())
    const f = { token: tokenOf(workshop.links.facilitator) }
    const at = `/api/workshops/${workshop.id}/attention`
    const moved = { x: 4000, y: -300, w: 900, h: 500 }

    await call(server.url, 'POST', at, f, { kind: 'control', boardId, bounds })
    const started = await participant.state((s) => s.day.attention.length === 1)
    expect(
      (await call(server.url, 'POST', at, f, { kind: 'move', boardId, bounds: moved })).status,
    ).toBe(200)
    const after = await participant.state((s) => s.day.attention[0]?.bounds.x === moved.x)
    expect(after.day.attention).toEqual([{ ...started.day.attention[0], bounds: moved }])

    await call(server.url, 'POST', at, f, { kind: 'release', boardId })
    await participant.state((s) => s.day.attention.length === 0)
    // A camera update still on its way when the facilitator released changes nothing.
    expect((await call(server.url, 'POST', at, f, { kind: 'move', boardId, bounds })).status).toBe(
      200,
    )
    const day = await call(server.url, 'GET', `/api/workshops/${workshop.id}`, f)
    expect(((await day.json()) as { attention: unknown[] }).attention).toEqual([])
    expect((await call(server.url, 'POST', at, f, { kind: 'move', boardId })).status).toBe(400)
  })

  it('keeps a spotlight in the day until it is turned off, for pages opened later too', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const boardId = workshop.boards[0]!.id
    const f = { token: tokenOf(workshop.links.facilitator) }
    const at = `/api/workshops/${workshop.id}/attention`
    const lit = { kind: 'spotlight', boardId, bounds, spotlightId: 'shape:cluster' }
    expect((await call(server.url, 'POST', at, f, lit)).status).toBe(200)

    // Opened after the spotlight was lit: the first state already has it.
    const { params } = await joinGroup(server.url, workshop, 0)
    const late = await openLive(server.url, workshop.id, params)
    cleanups.push(() => late.close())
    const first = await late.state(() => true)
    expect(first.day.spotlights).toEqual([
      { boardId, spotlightId: 'shape:cluster', bounds, at: expect.any(Number) as number },
    ])
    expect(late.events.some((event) => event.event === 'attention')).toBe(false)

    // Another cluster replaces it; a spotlight without an id turns it off.
    await call(server.url, 'POST', at, f, { ...lit, spotlightId: 'shape:other' })
    await late.state((s) => s.day.spotlights[0]?.spotlightId === 'shape:other')
    await call(server.url, 'POST', at, f, { kind: 'spotlight', boardId, bounds })
    const off = await late.state((s) => s.day.spotlights.length === 0)
    expect(off.day.spotlights).toEqual([])
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
