import { afterEach, describe, expect, it } from 'vitest'
import { writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { CreatedWorkshop, JoinedWorkshop, VoteResults } from '../../shared/workshopContracts'
import { openLive } from '../support/liveClient'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

const NOTES = [
  ['shape:h0', 'Ingen tid', 'hindering'],
  ['shape:h1', 'Gamla system', 'hindering'],
  ['shape:h2', 'Otydliga mål', 'hindering'],
  ['shape:e0', 'Nyfikna kollegor', 'enabling'],
  ['shape:e1', 'Stöd från ledningen', 'enabling'],
  ['shape:u0', 'Budget', undefined],
] as const

/** A workshop whose first board holds hindering, enabling and undecided notes. */
async function polarWorkshop() {
  server = await startTestServer()
  const created = await createWorkshop(server.url, {
    title: 'Budgetar',
    groups: 1,
    template: 'blank',
  })
  const client = connectProvider(created.boards[0]!.sync)
  cleanups.push(() => client.provider.destroy())
  await whenSynced(client.provider)
  writeRecords(
    client.doc,
    NOTES.map(([id, text, polarity], i) =>
      noteShape(
        { id, x: i * 220, y: 0, index: `a${i + 1}`, meta: polarity ? { polarity } : {} },
        { text, color: 'yellow' },
      ),
    ),
  )
  await waitFor(
    () => !!server!.rooms.get(created.boards[0]!.id)?.doc.getMap('records').get('shape:u0'),
  )
  const p = tokenOf(created.links.participant)
  const joined = (await (
    await call(
      server.url,
      'POST',
      `/api/workshops/${created.id}/join`,
      { token: p },
      { name: 'Anna' },
    )
  ).json()) as JoinedWorkshop
  return { created, f: tokenOf(created.links.facilitator), p, key: joined.participantKey, client }
}

async function openVote(created: CreatedWorkshop, f: string, body: unknown) {
  return call(server!.url, 'POST', `/api/workshops/${created.id}/votes`, { token: f }, body)
}

describe('separate budgets for hindering and enabling', () => {
  it('never lets parallel ballots exceed either budget, nor count undecided notes', async () => {
    const { created, f, p, key } = await polarWorkshop()
    const opened = await openVote(created, f, {
      target: 'notes',
      votesPerPerson: 3,
      budgets: { hindering: 2, enabling: 1 },
    })
    expect(opened.status).toBe(201)
    const voteId = ((await opened.json()) as { id: string }).id
    const cast = (itemId: string) =>
      call(
        server!.url,
        'POST',
        `/api/workshops/${created.id}/votes/${voteId}/ballots`,
        { token: p, participant: key },
        { itemId, delta: 1 },
      )
    // 20 at once: ten on hindering notes, eight on enabling ones, two on the undecided one.
    const items = Array.from({ length: 20 }, (_, i) =>
      i < 10 ? `shape:h${i % 3}` : i < 18 ? `shape:e${i % 2}` : 'shape:u0',
    )
    const answers = await Promise.all(items.map(cast))
    const ok = items.filter((_, i) => answers[i]!.status === 200)
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true)
    expect(ok.filter((id) => id.startsWith('shape:h'))).toHaveLength(2)
    expect(ok.filter((id) => id.startsWith('shape:e'))).toHaveLength(1)
    expect(ok.filter((id) => id === 'shape:u0')).toHaveLength(0)
    const refused = answers.find((a) => a.status === 409)!
    expect(((await refused.json()) as { error: string }).error).toMatch(/budget_spent/)

    // The participant's page hears what is left per polarity.
    const live = await openLive(server!.url, created.id, { token: p, participant: key })
    cleanups.push(() => live.close())
    const state = await live.state((s) => s.me?.ballots?.voteId === voteId)
    expect(state.me!.ballots!.remaining).toBe(0)
    expect(state.me!.ballots!.remainingByPolarity).toEqual({ hindering: 0, enabling: 0 })
    expect(state.day.votes[0]!.budgets).toEqual({ hindering: 2, enabling: 1 })

    // Taking one back frees its own polarity's budget only.
    const back = ok.find((id) => id.startsWith('shape:e'))!
    const undone = await call(
      server!.url,
      'POST',
      `/api/workshops/${created.id}/votes/${voteId}/ballots`,
      { token: p, participant: key },
      { itemId: back, delta: -1 },
    )
    expect(await undone.json()).toEqual({
      remaining: 1,
      remainingByPolarity: { hindering: 0, enabling: 1 },
    })
    expect((await cast('shape:h0')).status).toBe(409)
    expect((await cast('shape:e1')).status).toBe(200)

    const closed = (await (
      await call(server!.url, 'POST', `/api/workshops/${created.id}/votes/${voteId}/close`, {
        token: f,
      })
    ).json()) as VoteResults
    expect(closed.results.reduce((sum, r) => sum + r.votes, 0)).toBe(3)
  })

  it('refuses budgets on a cluster vote and budgets out of range', async () => {
    const { created, f } = await polarWorkshop()
    for (const body of [
      { target: 'clusters', votesPerPerson: 3, budgets: { hindering: 1, enabling: 2 } },
      { target: 'notes', votesPerPerson: 3, budgets: { hindering: 21, enabling: 0 } },
      { target: 'notes', votesPerPerson: 3, budgets: { hindering: 1 } },
      { target: 'notes', votesPerPerson: 3, budgets: { hindering: 1, enabling: 1, other: 1 } },
    ]) {
      expect((await openVote(created, f, body)).status, JSON.stringify(body)).toBe(400)
    }
  })
})
