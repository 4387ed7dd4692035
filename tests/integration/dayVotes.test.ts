import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { readRecords, writeRecords } from '../../shared/board/boardDoc'
import { frameShape, noteShape } from '../../shared/board/shapeRecords'
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

/** A workshop whose first group board holds three notes and a cluster, and two participants. */
async function votingWorkshop() {
  server = await startTestServer()
  const created = await createWorkshop(server.url, {
    title: 'Röstning',
    groups: 2,
    template: 'blank',
  })
  const client = connectProvider(created.boards[0]!.sync)
  cleanups.push(() => client.provider.destroy())
  await whenSynced(client.provider)
  writeRecords(client.doc, [
    frameShape(
      { id: 'shape:cluster', x: 0, y: 0, index: 'a1', meta: { kind: 'cluster' } },
      { w: 600, h: 600, name: 'Ledarskap', color: 'black' },
    ),
    ...['Tid för lärande', 'Tydlig ledning', 'Gemensamma verktyg'].map((text, i) =>
      noteShape(
        {
          id: `shape:n${i}`,
          x: 10,
          y: 40 + i * 220,
          index: `a${i + 2}`,
          parentId: 'shape:cluster',
        },
        { text, color: 'yellow' },
      ),
    ),
  ])
  const f = tokenOf(created.links.facilitator)
  const p = tokenOf(created.links.participant)
  const v = tokenOf(created.links.viewer)
  const join = async (name: string) =>
    (await (
      await call(server!.url, 'POST', `/api/workshops/${created.id}/join`, { token: p }, { name })
    ).json()) as JoinedWorkshop
  const people = [await join('Anna'), await join('Bertil')]
  // Wait until the server holds the notes before voting on them.
  await waitFor(
    () => !!server!.rooms.get(created.boards[0]!.id)?.doc.getMap('records').get('shape:n2'),
  )
  return { created, f, p, v, people, client }
}

function ballot(created: CreatedWorkshop, p: string, key: string, voteId: string, body: unknown) {
  return call(
    server!.url,
    'POST',
    `/api/workshops/${created.id}/votes/${voteId}/ballots`,
    { token: p, participant: key },
    body,
  )
}

async function openVote(created: CreatedWorkshop, f: string, body: Record<string, unknown>) {
  const response = await call(
    server!.url,
    'POST',
    `/api/workshops/${created.id}/votes`,
    { token: f },
    body,
  )
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

/** Every board's doc as the server stores it, and as a fresh y-websocket client receives it. */
async function everyBoardDoc(created: CreatedWorkshop): Promise<string[]> {
  const texts: string[] = []
  for (const board of created.boards) {
    const client = connectProvider(board.sync, new Y.Doc())
    await whenSynced(client.provider)
    texts.push(JSON.stringify(client.doc.toJSON()), JSON.stringify(readRecords(client.doc)))
    client.provider.destroy()
  }
  return texts
}

describe('dot voting', () => {
  it('never lets 20 parallel ballots of one participant exceed the budget', async () => {
    const { created, f, p, people } = await votingWorkshop()
    const voteId = await openVote(created, f, { target: 'notes', votesPerPerson: 3 })
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ballot(created, p, people[0]!.participantKey, voteId, {
          itemId: `shape:n${i % 3}`,
          delta: 1,
        }),
      ),
    )
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(17)
    const closed = (await (
      await call(server!.url, 'POST', `/api/workshops/${created.id}/votes/${voteId}/close`, {
        token: f,
      })
    ).json()) as VoteResults
    expect(closed.results.reduce((sum, result) => sum + result.votes, 0)).toBe(3)
  })

  it('keeps hidden ballots out of every board doc until close, then ranks the result', async () => {
    const { created, f, p, v, people } = await votingWorkshop()
    const voteId = await openVote(created, f, {
      target: 'notes',
      votesPerPerson: 3,
      maxPerItem: 2,
    })
    const [anna, bertil] = people.map((person) => person.participantKey) as [string, string]
    const expectStatus = async (key: string, itemId: string, delta: number, status: number) =>
      expect((await ballot(created, p, key, voteId, { itemId, delta })).status).toBe(status)
    await expectStatus(anna, 'shape:n1', 1, 200)
    await expectStatus(anna, 'shape:n1', 1, 200)
    await expectStatus(anna, 'shape:n1', 1, 409) // cap per item
    await expectStatus(anna, 'shape:n0', 1, 200)
    await expectStatus(anna, 'shape:n2', 1, 409) // budget spent
    await expectStatus(anna, 'shape:n0', -1, 200) // unvote
    await expectStatus(anna, 'shape:n2', -1, 409) // nothing to take back
    await expectStatus(bertil, 'shape:n1', 1, 200)
    await expectStatus(bertil, 'shape:n2', 1, 200)
    await expectStatus(bertil, 'shape:cluster', 1, 400) // a cluster is no note
    await expectStatus(bertil, 'shape:nothing', 1, 400)
    const remaining = await ballot(created, p, bertil, voteId, { itemId: 'shape:n0', delta: 1 })
    expect(await remaining.json()).toEqual({ remaining: 0 })

    // A viewer and the facilitator cannot vote; a participant without their key cannot either.
    expect((await ballot(created, v, anna, voteId, { itemId: 'shape:n0', delta: 1 })).status).toBe(
      403,
    )
    expect((await ballot(created, f, anna, voteId, { itemId: 'shape:n0', delta: 1 })).status).toBe(
      403,
    )
    expect(
      (await ballot(created, p, 'x'.repeat(43), voteId, { itemId: 'shape:n0', delta: 1 })).status,
    ).toBe(401)
    expect((await ballot(created, p, anna, voteId, { itemId: 'shape:n0', delta: 2 })).status).toBe(
      400,
    )
    expect((await ballot(created, p, anna, 'nope', { itemId: 'shape:n0', delta: 1 })).status).toBe(
      404,
    )

    // While hidden: no tally for participants or viewers, nowhere in the live state, no doc.
    const resultsPath = `/api/workshops/${created.id}/votes/${voteId}`
    expect((await call(server!.url, 'GET', resultsPath, { token: p })).status).toBe(403)
    expect((await call(server!.url, 'GET', resultsPath, { token: v })).status).toBe(403)
    const live = await openLive(server!.url, created.id, { token: p, participant: anna })
    cleanups.push(live.close)
    const state = await live.state((s) => s.day.activeVoteId === voteId)
    expect(state.day.votes[0]!.results).toBeNull()
    expect(state.me!.ballots).toEqual({
      voteId,
      items: { 'shape:n1': 2 },
      remaining: 1,
      remainingByPolarity: null,
    })
    for (const text of await everyBoardDoc(created)) {
      expect(text).not.toContain(voteId)
      expect(text).not.toContain(people[0]!.participantId)
      expect(text).not.toMatch(/ballot|votes/i)
    }

    const close = await call(server!.url, 'POST', `${resultsPath}/close`, { token: f })
    expect(close.status).toBe(200)
    // Ties are ordered by their text.
    const expected = [
      { itemId: 'shape:n1', boardId: created.boards[0]!.id, text: 'Tydlig ledning', votes: 3 },
      { itemId: 'shape:n2', boardId: created.boards[0]!.id, text: 'Gemensamma verktyg', votes: 1 },
      { itemId: 'shape:n0', boardId: created.boards[0]!.id, text: 'Tid för lärande', votes: 1 },
    ]
    expect(((await close.json()) as VoteResults).results).toEqual(expected)
    expect(await (await call(server!.url, 'GET', resultsPath, { token: v })).json()).toEqual({
      results: expected,
    })
    await expectStatus(bertil, 'shape:n0', -1, 409) // closed
    const after = await live.state((s) => s.day.activeVoteId === null)
    expect(after.day.votes[0]!.results).toEqual(expected)
    expect((await call(server!.url, 'POST', `${resultsPath}/close`, { token: f })).status).toBe(409)
  })

  it('shows the tally live when results are not hidden, and keeps an earlier vote listed', async () => {
    const { created, f, p, people } = await votingWorkshop()
    const [anna] = people
    const live = await openLive(server!.url, created.id, {
      token: p,
      participant: anna!.participantKey,
    })
    cleanups.push(() => live.close())
    const first = await openVote(created, f, { target: 'notes', votesPerPerson: 2, hidden: false })
    expect(
      (await ballot(created, p, anna!.participantKey, first, { itemId: 'shape:n1', delta: 1 }))
        .status,
    ).toBe(200)
    // Before close: every participant's page already hears the count.
    const counted = await live.state((s) => s.day.votes[0]?.results?.[0]?.votes === 1)
    expect(counted.day.votes[0]!.closedAt).toBeNull()
    expect(counted.day.votes[0]!.results).toEqual([
      { itemId: 'shape:n1', boardId: created.boards[0]!.id, text: 'Tydlig ledning', votes: 1 },
    ])
    await call(server!.url, 'POST', `/api/workshops/${created.id}/votes/${first}/close`, {
      token: f,
    })

    const second = await openVote(created, f, { target: 'clusters', votesPerPerson: 1 })
    const both = await live.state((s) => s.day.votes.length === 2 && s.day.activeVoteId === second)
    expect(both.day.votes[0]).toMatchObject({
      id: first,
      results: [{ itemId: 'shape:n1', votes: 1 }],
    })
    expect(both.day.votes[0]!.closedAt).not.toBeNull()
    expect(both.day.votes[1]).toMatchObject({ id: second, hidden: true, results: null })
  })

  it('refuses votes a participant may not start and malformed settings', async () => {
    const { created, f, p } = await votingWorkshop()
    const path = `/api/workshops/${created.id}/votes`
    const good = { target: 'clusters', votesPerPerson: 5 }
    expect((await call(server!.url, 'POST', path, { token: p }, good)).status).toBe(403)
    for (const body of [
      { target: 'notes', votesPerPerson: 0 },
      { target: 'notes', votesPerPerson: 21 },
      { target: 'people', votesPerPerson: 3 },
      { target: 'notes', votesPerPerson: 3, boardIds: ['nope'] },
    ]) {
      expect((await call(server!.url, 'POST', path, { token: f }, body)).status).toBe(400)
    }
    expect((await call(server!.url, 'POST', path, { token: f }, good)).status).toBe(201)
    expect((await call(server!.url, 'POST', path, { token: f }, good)).status).toBe(409)
  })
})
