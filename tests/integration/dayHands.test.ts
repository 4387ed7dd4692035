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

async function live(workshopId: string, query: Record<string, string>) {
  const stream = await openLive(server!.url, workshopId, query)
  cleanups.push(() => stream.close())
  return stream
}

describe('raised hands', () => {
  it('queues hands in order for the facilitator, live, and lets them lower anyone', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const hand = `/api/workshops/${workshop.id}/hand`
    const f = { token: tokenOf(workshop.links.facilitator) }
    const anna = await joinGroup(server.url, workshop, 0, 'Anna')
    const bo = await joinGroup(server.url, workshop, 1, 'Bo')
    const facilitator = await live(workshop.id, f)
    const annasPage = await live(workshop.id, anna.params)
    await annasPage.state(() => true)

    expect((await call(server.url, 'POST', hand, bo.params, { raised: true })).status).toBe(200)
    expect((await call(server.url, 'POST', hand, anna.params, { raised: true })).status).toBe(200)
    // Raising again keeps Bo's place at the front.
    expect((await call(server.url, 'POST', hand, bo.params, { raised: true })).status).toBe(200)
    const queued = await facilitator.state((s) => s.day.hands.length === 2)
    expect(queued.day.hands.map((h) => h.name)).toEqual(['Bo', 'Anna'])
    expect(queued.day.hands[0]!.boardId).toBe(workshop.boards[1]!.id)

    // Participants see that hands are up, and their own, but not who else.
    const seen = await annasPage.state((s) => s.day.handCount === 2)
    expect(seen.day.hands).toEqual([])
    expect(seen.me?.handRaised).toBe(true)
    expect(JSON.stringify(seen)).not.toContain('"Bo"')

    const lowered = await call(server.url, 'POST', hand, f, {
      raised: false,
      participantId: bo.participantId,
    })
    expect(lowered.status).toBe(200)
    await facilitator.state((s) => s.day.hands.length === 1 && s.day.hands[0]!.name === 'Anna')
    expect((await call(server.url, 'POST', hand, anna.params, { raised: false })).status).toBe(200)
    const down = await annasPage.state((s) => s.day.handCount === 0)
    expect(down.me?.handRaised).toBe(false)
  })

  it('keeps viewers, keyless links and others from raising or lowering hands', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const hand = `/api/workshops/${workshop.id}/hand`
    const f = { token: tokenOf(workshop.links.facilitator) }
    const v = { token: tokenOf(workshop.links.viewer) }
    const anna = await joinGroup(server.url, workshop, 0, 'Anna')
    const bo = await joinGroup(server.url, workshop, 1, 'Bo')
    await call(server.url, 'POST', hand, bo.params, { raised: true })

    expect((await call(server.url, 'POST', hand, v, { raised: true })).status).toBe(403)
    const keyless = { token: tokenOf(workshop.links.participant) }
    expect(
      (await call(server.url, 'POST', hand, keyless, { raised: true })).status,
    ).toBeGreaterThanOrEqual(400)
    // A participant names nobody but themselves: another's id is a malformed body.
    const other = { raised: false, participantId: bo.participantId }
    expect((await call(server.url, 'POST', hand, anna.params, other)).status).toBe(400)
    // The facilitator lowers hands; raising one for someone is not theirs to do.
    const raiseFor = { raised: true, participantId: anna.participantId }
    expect((await call(server.url, 'POST', hand, f, raiseFor)).status).toBe(400)
    const unknown = await call(server.url, 'POST', hand, f, {
      raised: false,
      participantId: 'nobody',
    })
    expect(unknown.status).toBe(404)
    expect((await unknown.json()) as { message: string }).toHaveProperty('message')
    for (const body of [{}, { raised: 'yes' }, [], null]) {
      expect((await call(server.url, 'POST', hand, anna.params, body)).status).toBe(400)
    }

    const state = await (await call(server.url, 'GET', `/api/workshops/${workshop.id}`, f)).json()
    expect((state as { hands: { name: string }[] }).hands.map((h) => h.name)).toEqual(['Bo'])
  })

  it('forgets raised hands and their names when the workshop is erased', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const anna = await joinGroup(server.url, workshop, 0, 'Anna Andersson')
    const hand = `/api/workshops/${workshop.id}/hand`
    await call(server.url, 'POST', hand, anna.params, { raised: true })
    expect(await server.storage.readWorkshopDay(workshop.id)).toContain(anna.participantId)
    const f = { token: tokenOf(workshop.links.facilitator) }
    expect((await call(server.url, 'DELETE', `/api/workshops/${workshop.id}`, f)).status).toBe(204)
    expect(await server.storage.readWorkshopDay(workshop.id)).toBeUndefined()
    expect(await server.storage.participants(workshop.id)).toEqual([])
  })
})
