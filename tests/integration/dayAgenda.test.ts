import { afterEach, describe, expect, it } from 'vitest'
import type { StepChanged } from '../../server/day/DayEvents'
import type { JoinedWorkshop, WorkshopInfo } from '../../shared/workshopContracts'
import { openLive } from '../support/liveClient'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

async function workshopWithTokens(body?: Record<string, unknown>) {
  server = await startTestServer()
  const created = await createWorkshop(server.url, body)
  return {
    created,
    f: tokenOf(created.links.facilitator),
    p: tokenOf(created.links.participant),
    v: tokenOf(created.links.viewer),
  }
}

describe('agenda and steps', () => {
  it('gives every role the day with the LEDA agenda in the workshop language', async () => {
    const { created, f, p, v } = await workshopWithTokens({
      title: 'Träff 1',
      groups: 2,
      language: 'sv',
    })
    for (const token of [f, p, v]) {
      const before = Date.now()
      const info = (await (
        await call(server!.url, 'GET', `/api/workshops/${created.id}`, { token })
      ).json()) as WorkshopInfo
      expect(info.agenda.map((step) => [step.title, step.mode])).toEqual([
        ['Inledning', 'none'],
        ['Skriv enskilt', 'silentWriting'],
        ['Sortera', 'none'],
        ['Välj det viktigaste', 'voting'],
        ['Plenum', 'locked'],
        ['Reflektion', 'none'],
      ])
      expect(info).toMatchObject({
        currentStepId: null,
        timer: null,
        privateWriting: false,
        activeVoteId: null,
      })
      expect(info.serverTime).toBeGreaterThanOrEqual(before)
    }
  })

  it('edits the agenda, moves every page to the next step live and keeps when each ran', async () => {
    const { created, f, p } = await workshopWithTokens()
    const joined = (await (
      await call(
        server!.url,
        'POST',
        `/api/workshops/${created.id}/join`,
        { token: p },
        { name: 'Anna' },
      )
    ).json()) as JoinedWorkshop
    const live = await openLive(server!.url, created.id, {
      token: p,
      participant: joined.participantKey,
    })
    cleanups.push(live.close)
    expect(live.status).toBe(200)
    expect(live.headers.get('content-type')).toMatch(/^text\/event-stream/)
    await live.state((s) => s.me?.participantId === joined.participantId && s.me.boardId === null)

    const changes: StepChanged[] = []
    server!.day.events.on('stepChanged', (change) => changes.push(change))

    const steps = [
      { id: 'welcome', title: 'Välkomna', minutes: 5, mode: 'none' },
      { id: 'write', title: 'Skriv', minutes: 8, mode: 'silentWriting' },
    ]
    const put = await call(
      server!.url,
      'PUT',
      `/api/workshops/${created.id}/agenda`,
      { token: f },
      { steps },
    )
    expect(put.status).toBe(200)

    const first = await call(
      server!.url,
      'POST',
      `/api/workshops/${created.id}/step`,
      { token: f },
      { next: true },
    )
    expect(await first.json()).toEqual({ currentStepId: 'welcome' })
    const second = await call(
      server!.url,
      'POST',
      `/api/workshops/${created.id}/step`,
      { token: f },
      { next: true },
    )
    expect(await second.json()).toEqual({ currentStepId: 'write' })

    const state = await live.state((s) => s.day.currentStepId === 'write')
    expect(state.day.agenda.map((step) => step.title)).toEqual(['Välkomna', 'Skriv'])
    expect(state.day.privateWriting).toBe(true)
    const [welcome, write] = state.day.stepRuns
    expect(welcome).toMatchObject({ stepId: 'welcome' })
    expect(welcome!.endedAt).toBeGreaterThanOrEqual(welcome!.startedAt)
    expect(write).toMatchObject({ stepId: 'write', endedAt: null })
    expect(changes.map((c) => [c.previousStepId, c.stepId])).toEqual([
      [null, 'welcome'],
      ['welcome', 'write'],
    ])

    const end = await call(
      server!.url,
      'POST',
      `/api/workshops/${created.id}/step`,
      { token: f },
      { next: true },
    )
    expect(end.status).toBe(409)

    // Group moves reach the participant over the same channel (no polling of /me).
    const board = created.boards[0]!.id
    await call(
      server!.url,
      'POST',
      `/api/workshops/${created.id}/groups/confirm`,
      { token: f },
      {
        assignments: { [joined.participantId]: board },
      },
    )
    await live.state((s) => s.me?.boardId === board)
  })

  it('keeps the agenda and the current step over a restart', async () => {
    const { created, f } = await workshopWithTokens()
    await call(
      server!.url,
      'POST',
      `/api/workshops/${created.id}/step`,
      { token: f },
      { stepId: 'sort' },
    )
    const dataDir = server!.dataDir
    await server!.stop()
    server = await startTestServer({}, dataDir)
    const info = (await (
      await call(server.url, 'GET', `/api/workshops/${created.id}`, { token: f })
    ).json()) as WorkshopInfo
    expect(info.currentStepId).toBe('sort')
    expect(info.stepRuns).toHaveLength(1)
  })

  it('refuses bad agenda requests with a message in the request language, applying nothing', async () => {
    const { created, f, p, v } = await workshopWithTokens()
    const path = `/api/workshops/${created.id}/agenda`
    const good = { steps: [{ id: 'a', title: 'A', minutes: 5, mode: 'none' }] }
    expect((await call(server!.url, 'PUT', path, { token: p }, good)).status).toBe(403)
    expect((await call(server!.url, 'PUT', path, { token: v }, good)).status).toBe(403)
    expect((await call(server!.url, 'PUT', path, {}, good)).status).toBe(401)

    const bad = await fetch(`${server!.url}${path}?token=${f}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'sv-SE' },
      body: JSON.stringify({ steps: [{ id: 'a', title: '', minutes: -1, mode: 'dance' }] }),
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/^Begäran är felaktig/)
    const twice = { steps: [good.steps[0], good.steps[0]] }
    expect((await call(server!.url, 'PUT', path, { token: f }, twice)).status).toBe(400)

    const step = `/api/workshops/${created.id}/step`
    expect((await call(server!.url, 'POST', step, { token: f }, { stepId: 'nope' })).status).toBe(
      404,
    )
    expect((await call(server!.url, 'POST', step, { token: f }, { next: false })).status).toBe(400)
    expect((await call(server!.url, 'POST', step, { token: p }, { next: true })).status).toBe(403)
    const unknown = `/api/workshops/${'x'.repeat(21)}/step`
    expect((await call(server!.url, 'POST', unknown, { token: f }, { next: true })).status).toBe(
      404,
    )

    const info = (await (
      await call(server!.url, 'GET', `/api/workshops/${created.id}`, { token: f })
    ).json()) as WorkshopInfo
    expect(info.agenda).toHaveLength(6)
    expect(info.currentStepId).toBeNull()
  })
})
