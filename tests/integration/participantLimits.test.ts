import { afterEach, describe, expect, it } from 'vitest'
import { writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { BALLOTS_PER_MINUTE, HAND_CHANGES_PER_MINUTE } from '../../server/http/RequestLimits'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

/** A POST in Swedish, as a Swedish browser sends it. */
function postSv(path: string, query: Record<string, string>, body: unknown) {
  return fetch(`${server!.url}${path}?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'sv-SE,sv;q=0.9' },
    body: JSON.stringify(body),
  })
}

async function expectTooOften(answer: Response, code: string, words: RegExp) {
  expect(answer.status).toBe(429)
  const retryAfter = Number(answer.headers.get('Retry-After'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(60)
  const body = (await answer.json()) as { error: string; message: string }
  expect(body.error).toBe(code)
  expect(body.message).toMatch(words)
}

describe('rate limits per participant on ballots and hands', () => {
  it('refuses a participant who votes too often with 429, and not the others', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, {
      title: 'Gränser',
      groups: 1,
      template: 'blank',
    })
    const board = workshop.boards[0]!
    const client = connectProvider(board.sync)
    cleanups.push(() => client.provider.destroy())
    await whenSynced(client.provider)
    writeRecords(client.doc, [
      noteShape({ id: 'shape:n', x: 0, y: 0, index: 'a1' }, { text: 'Ingen tid', color: 'yellow' }),
    ])
    await waitFor(() => !!server!.rooms.get(board.id)?.doc.getMap('records').get('shape:n'))
    const anna = await joinGroup(server.url, workshop, 0, 'Anna')
    const bo = await joinGroup(server.url, workshop, 0, 'Bo')
    const f = { token: tokenOf(workshop.links.facilitator) }
    const opened = await call(server.url, 'POST', `/api/workshops/${workshop.id}/votes`, f, {
      target: 'notes',
      votesPerPerson: 5,
    })
    const voteId = ((await opened.json()) as { id: string }).id
    const ballots = `/api/workshops/${workshop.id}/votes/${voteId}/ballots`

    // Voting and taking it back, over and over: each one within the budget.
    for (let i = 0; i < BALLOTS_PER_MINUTE; i++) {
      const answer = await call(server.url, 'POST', ballots, anna.params, {
        itemId: 'shape:n',
        delta: i % 2 === 0 ? 1 : -1,
      })
      expect(answer.status, `ballot ${i}`).toBe(200)
    }
    const refused = await postSv(ballots, anna.params, { itemId: 'shape:n', delta: 1 })
    await expectTooOften(refused, 'too_many_ballots', /Vänta en stund/)

    // Bo's budget is his own; the refused ballot counted for nobody.
    const bos = await call(server.url, 'POST', ballots, bo.params, { itemId: 'shape:n', delta: 1 })
    expect(await bos.json()).toEqual({ remaining: 4 })
    const closed = await call(server.url, 'POST', `${ballots.replace('/ballots', '')}/close`, f)
    expect(((await closed.json()) as { results: { votes: number }[] }).results[0]!.votes).toBe(1)
  })

  it('refuses a participant who raises and lowers their hand too often', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'Händer', groups: 1 })
    const anna = await joinGroup(server.url, workshop, 0, 'Anna')
    const bo = await joinGroup(server.url, workshop, 0, 'Bo')
    const hand = `/api/workshops/${workshop.id}/hand`
    for (let i = 0; i < HAND_CHANGES_PER_MINUTE; i++) {
      const answer = await call(server.url, 'POST', hand, anna.params, { raised: i % 2 === 0 })
      expect(answer.status, `hand ${i}`).toBe(200)
    }
    await expectTooOften(
      await postSv(hand, anna.params, { raised: true }),
      'too_many_hands',
      /räckt upp/,
    )
    expect((await call(server.url, 'POST', hand, bo.params, { raised: true })).status).toBe(200)
    // The facilitator may still lower anyone's hand.
    const f = { token: tokenOf(workshop.links.facilitator) }
    const lowered = await call(server.url, 'POST', hand, f, {
      raised: false,
      participantId: bo.participantId,
    })
    expect(lowered.status).toBe(200)
  })
})
