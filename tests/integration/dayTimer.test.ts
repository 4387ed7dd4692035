import { afterEach, describe, expect, it } from 'vitest'
import type { TimerView, WorkshopInfo } from '../../shared/workshopContracts'
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

const endOf = (timer: TimerView | null) => timer?.endsAt ?? NaN

describe('one clock for everyone', () => {
  it('gives two clients the same end time, also after a server restart', async () => {
    server = await startTestServer()
    const created = await createWorkshop(server.url)
    const f = tokenOf(created.links.facilitator)
    const v = tokenOf(created.links.viewer)
    const timerPath = `/api/workshops/${created.id}/timer`
    const started = await call(
      server.url,
      'POST',
      timerPath,
      { token: f },
      {
        seconds: 600,
        label: 'Skriv enskilt',
        pauseInputAtEnd: true,
      },
    )
    expect(started.status).toBe(200)
    const { timer } = (await started.json()) as { timer: TimerView }
    expect(timer).toMatchObject({ paused: false, label: 'Skriv enskilt', pauseInputAtEnd: true })
    expect(timer.remainingMs).toBeGreaterThan(590_000)

    const viewer = await openLive(server.url, created.id, { token: v })
    cleanups.push(viewer.close)
    const seen = await viewer.state((s) => s.day.timer !== null)
    expect(endOf(seen.day.timer)).toBe(timer.endsAt)

    const dataDir = server.dataDir
    viewer.close()
    await server.stop()
    server = await startTestServer({}, dataDir)
    const after = (await (
      await call(server.url, 'GET', `/api/workshops/${created.id}`, { token: v })
    ).json()) as WorkshopInfo
    expect(after.timer!.endsAt).toBe(timer.endsAt)
    // remainingMs is counted from the server's clock at the answer.
    expect(after.timer!.remainingMs).toBe(timer.endsAt! - after.serverTime)
  })

  it('pauses, resumes, adds time and stops', async () => {
    server = await startTestServer()
    const created = await createWorkshop(server.url)
    const f = tokenOf(created.links.facilitator)
    const path = `/api/workshops/${created.id}/timer`
    const post = async (body: unknown) => {
      const response = await call(server!.url, 'POST', path, { token: f }, body)
      return {
        status: response.status,
        ...((await response.json()) as { timer: TimerView | null }),
      }
    }
    expect((await post({ action: 'pause' })).status).toBe(409)
    await post({ seconds: 120 })
    const paused = await post({ action: 'pause' })
    expect(paused.timer).toMatchObject({ paused: true, endsAt: null })
    const left = paused.timer!.remainingMs
    const plus = await post({ action: 'add', seconds: 60 })
    expect(plus.timer!.remainingMs).toBe(left + 60_000)
    const resumed = await post({ action: 'resume' })
    expect(resumed.timer!.paused).toBe(false)
    expect(resumed.timer!.endsAt).toBeGreaterThan(Date.now() + left)
    expect((await post({ action: 'stop' })).timer).toBeNull()
  })

  it('refuses a participant, a viewer and malformed bodies', async () => {
    server = await startTestServer()
    const created = await createWorkshop(server.url)
    const path = `/api/workshops/${created.id}/timer`
    for (const link of [created.links.participant, created.links.viewer]) {
      const response = await call(
        server.url,
        'POST',
        path,
        { token: tokenOf(link) },
        { seconds: 60 },
      )
      expect(response.status).toBe(403)
    }
    const f = tokenOf(created.links.facilitator)
    for (const body of [
      { seconds: 0 },
      { seconds: 'ten' },
      { action: 'explode' },
      { seconds: 10, boardId: 'nope' },
    ]) {
      const response = await call(server.url, 'POST', path, { token: f }, body)
      expect(response.status).toBe(400)
    }
    const info = (await (
      await call(server.url, 'GET', `/api/workshops/${created.id}`, { token: f })
    ).json()) as WorkshopInfo
    expect(info.timer).toBeNull()
  })
})
