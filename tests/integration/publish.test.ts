import { afterEach, describe, expect, it } from 'vitest'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import type { Published, PublishCheck } from '../../shared/publishContracts'
import { startTestServer, type TestServer } from '../support/testServer'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

const AUTHOR = 'Zlatan Testsson'
const PARTICIPANT = 'Petra Deltagarsson'

async function workshopWithNotes() {
  server = await startTestServer()
  const workshop = await createWorkshop(server.url, {
    title: 'Träff 3',
    groups: 1,
    template: 'blank',
    language: 'sv',
  })
  const facilitator = { token: tokenOf(workshop.links.facilitator), lang: 'sv' }
  const { params } = await joinGroup(server.url, workshop, 0, PARTICIPANT)
  const board = workshop.boards[0]!
  const response = await fetch(
    `${server.url}/api/boards/${board.id}/import?${new URLSearchParams(params).toString()}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: 'text,polarity,cluster\nOtydliga mål,hindering,Ledarskap\nRing mig på 070-123 45 67,enabling,Ledarskap\n',
    },
  )
  expect(response.status).toBe(200)
  // Give every note an author, as the board does for a named writer.
  const client = connectProvider(board.sync)
  cleanups.push(() => client.provider.destroy())
  await whenSynced(client.provider)
  const authored = readRecords(client.doc)
    .filter((record) => record.type === 'note')
    .map((note): RecordJson => ({ ...note, meta: { ...(note.meta as object), author: AUTHOR } }))
  writeRecords(client.doc, authored)
  await waitFor(() =>
    readRecords(server!.rooms.get(board.id)!.doc).some(
      (record) => (record.meta as { author?: string } | undefined)?.author === AUTHOR,
    ),
  )
  return { workshop, facilitator }
}

describe('the open page', () => {
  it('publishes factor texts without author or participant names, warns about personal data', async () => {
    const { workshop, facilitator } = await workshopWithNotes()
    const path = `/api/workshops/${workshop.id}/publish`
    const check = (await (await call(server!.url, 'GET', path, facilitator)).json()) as PublishCheck
    expect(check.published).toBeNull()
    expect(check.warnings).toMatchObject([{ text: 'Ring mig på 070-123 45 67', kinds: ['phone'] }])

    const participant = { token: tokenOf(workshop.links.participant) }
    expect((await call(server!.url, 'POST', path, participant, {})).status).toBe(403)
    const edits = { [check.warnings[0]!.factorId]: 'Ring mig' }
    const first = await call(server!.url, 'POST', path, facilitator, { edits })
    expect(first.status).toBe(201)
    const published = (await first.json()) as Published
    expect(published.version).toBe(1)
    expect(published.url).toMatch(/\/p\/[\w-]{8,}$/)

    const page = await fetch(published.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    const html = await page.text()
    expect(html).toContain('Otydliga mål')
    expect(html).toContain('Ring mig')
    expect(html).not.toContain('070-123')
    expect(html).not.toContain(AUTHOR)
    expect(html).not.toContain(PARTICIPANT)
    expect(html).toContain('<html lang="sv">')
    const csv = await (await fetch(`${published.url}/report.csv`)).text()
    expect(csv).toContain('Otydliga mål')
    expect(csv).not.toContain(AUTHOR)
    // The page can never write anything.
    expect((await fetch(published.url, { method: 'POST', body: 'x' })).status).toBe(405)

    // The boards were not touched by the edit.
    const check2 = (await (
      await call(server!.url, 'GET', path, facilitator)
    ).json()) as PublishCheck
    expect(check2.warnings).toHaveLength(1)
  })

  it('publishes again at the same URL as version 2 with a note, names only when allowed', async () => {
    const { workshop, facilitator } = await workshopWithNotes()
    const path = `/api/workshops/${workshop.id}/publish`
    const v1 = (await (await call(server!.url, 'POST', path, facilitator, {})).json()) as Published
    const v2 = (await (
      await call(server!.url, 'POST', path, facilitator, {
        includeNames: true,
        note: 'Namnen visas nu',
      })
    ).json()) as Published
    expect(v2).toEqual({ url: v1.url, version: 2 })
    const html = await (await fetch(v2.url)).text()
    expect(html).toContain('Version 2')
    expect(html).toContain('Namnen visas nu')
    expect(html).toContain(AUTHOR)
  })

  it('answers 410 after unpublishing, and nothing after the workshop is erased', async () => {
    const { workshop, facilitator } = await workshopWithNotes()
    const path = `/api/workshops/${workshop.id}/publish`
    const { url } = (await (
      await call(server!.url, 'POST', path, facilitator, {})
    ).json()) as Published
    expect((await call(server!.url, 'DELETE', path, facilitator)).status).toBe(204)
    const gone = await fetch(url)
    expect(gone.status).toBe(410)
    expect(await gone.text()).not.toContain('Otydliga mål')
    expect((await fetch(`${url}/report.md`)).status).toBe(410)
    expect((await server!.storage.publicationOf(workshop.id))!.report).toBeNull()

    await call(server!.url, 'POST', path, facilitator, {})
    expect((await fetch(url)).status).toBe(200)
    await call(server!.url, 'DELETE', `/api/workshops/${workshop.id}`, facilitator)
    expect(await server!.storage.publicationOf(workshop.id)).toBeUndefined()
    expect((await fetch(url)).status).toBe(404)
  })
})
