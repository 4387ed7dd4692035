import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord } from '../../shared/board/boardDoc'
import { CloseCode } from '../../shared/closeCodes'
import type { CreatedWorkshop, WorkshopDay } from '../../shared/workshopContracts'
import { connectProvider, putNote, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

/** A stock y-websocket client on the first group's board (the facilitator's without params). */
async function client(workshop: CreatedWorkshop, params?: Record<string, string>) {
  const sync = workshop.boards[0]!.sync
  const connected = connectProvider(params ? { ...sync, params } : sync)
  cleanups.push(() => connected.provider.destroy())
  const closes: number[] = []
  connected.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
  await whenSynced(connected.provider)
  return { ...connected, closes }
}

async function storedDoc(workshop: CreatedWorkshop): Promise<Y.Doc> {
  const stored = await server!.storage.loadDoc(workshop.boards[0]!.id)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

const stored = async (workshop: CreatedWorkshop, id: string) =>
  !!readRecord(await storedDoc(workshop), id)

async function facilitatorCall(workshop: CreatedWorkshop, path: string, body: unknown) {
  const f = { token: tokenOf(workshop.links.facilitator) }
  const response = await call(server!.url, 'POST', `/api/workshops/${workshop.id}${path}`, f, body)
  expect(response.status, path).toBe(200)
}

/**
 * Writes a note as the participant and expects the server to refuse it with 4423: not
 * stored, not on another page. The client keeps it and sends it again on reconnecting.
 */
async function expectHeld(
  workshop: CreatedWorkshop,
  writer: Awaited<ReturnType<typeof client>>,
  watcher: Awaited<ReturnType<typeof client>>,
  id: string,
) {
  putNote(writer.doc, id, 'under pausen')
  await waitFor(() => writer.closes.includes(CloseCode.inputPaused))
  expect(await stored(workshop, id)).toBe(false)
  expect(readRecord(watcher.doc, id)).toBeUndefined()
}

describe("participants' input held by the server", () => {
  it('refuses writes during a locked step, lets the facilitator write, and takes them after', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const { params } = await joinGroup(server.url, workshop, 0, 'Anna')
    await call(
      server.url,
      'PUT',
      `/api/workshops/${workshop.id}/agenda`,
      { token: tokenOf(workshop.links.facilitator) },
      {
        steps: [
          { id: 'lock', title: 'Paus', minutes: 5, mode: 'locked' },
          { id: 'open', title: 'Sortera', minutes: 20, mode: 'none' },
        ],
      },
    )
    await facilitatorCall(workshop, '/step', { stepId: 'lock' })
    const facilitator = await client(workshop)
    const anna = await client(workshop, params)
    await expectHeld(workshop, anna, facilitator, 'shape:held')
    // Reconnecting while it lasts changes nothing: the held note is refused again.
    await waitFor(() => anna.closes.filter((code) => code === CloseCode.inputPaused).length >= 2)
    expect(await stored(workshop, 'shape:held')).toBe(false)

    putNote(facilitator.doc, 'shape:facilitator', 'samtalsledaren skriver')
    await waitFor(() => stored(workshop, 'shape:facilitator'))
    expect(facilitator.closes).toEqual([])

    // A REST write of the participant is held too, with a message in their language.
    const imported = await fetch(
      `${server.url}/api/boards/${workshop.boards[0]!.id}/import?${new URLSearchParams(params)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', 'Accept-Language': 'sv' },
        body: '+ Ledarskap',
      },
    )
    expect(imported.status).toBe(423)
    expect(((await imported.json()) as { message: string }).message).toContain('pausat')

    await facilitatorCall(workshop, '/step', { stepId: 'open' })
    // Nothing lost: the client reconnects by itself and the held note goes in once.
    await waitFor(() => stored(workshop, 'shape:held'), 20_000)
    await waitFor(() => readRecord(facilitator.doc, 'shape:held') !== undefined)
  })

  it('refuses writes once a timer with pauseInputAtEnd runs out, until it is resumed', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const { params } = await joinGroup(server.url, workshop, 0, 'Anna')
    const facilitator = await client(workshop)
    const anna = await client(workshop, params)
    putNote(anna.doc, 'shape:before', 'innan tiden tog slut')
    await waitFor(() => stored(workshop, 'shape:before'))

    await facilitatorCall(workshop, '/timer', { seconds: 1, pauseInputAtEnd: true })
    const f = { token: tokenOf(workshop.links.facilitator) }
    const timeUp = async () => {
      const day = (await (
        await call(server!.url, 'GET', `/api/workshops/${workshop.id}`, f)
      ).json()) as WorkshopDay
      return day.timer?.remainingMs === 0
    }
    for (let i = 0; i < 100 && !(await timeUp()); i++) await new Promise((r) => setTimeout(r, 100))
    await expectHeld(workshop, anna, facilitator, 'shape:late')

    await facilitatorCall(workshop, '/timer', { action: 'resume' })
    await waitFor(() => stored(workshop, 'shape:late'), 20_000)
  })

  it('refuses writes while the facilitator has taken control of the board, until released', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const { params } = await joinGroup(server.url, workshop, 0, 'Anna')
    const facilitator = await client(workshop)
    const anna = await client(workshop, params)
    const boardId = workshop.boards[0]!.id
    const bounds = { x: 0, y: 0, w: 800, h: 600 }

    // Control of another board holds nothing here.
    await facilitatorCall(workshop, '/attention', {
      kind: 'control',
      boardId: workshop.boards[1]!.id,
      bounds,
    })
    putNote(anna.doc, 'shape:free', 'fritt')
    await waitFor(() => stored(workshop, 'shape:free'))

    await facilitatorCall(workshop, '/attention', { kind: 'control', boardId, bounds })
    await expectHeld(workshop, anna, facilitator, 'shape:controlled')
    await facilitatorCall(workshop, '/attention', { kind: 'release', boardId })
    await waitFor(() => stored(workshop, 'shape:controlled'), 20_000)
    // Presence, a viewer's or a cursor, is no write: nothing else closed.
    expect(facilitator.closes).toEqual([])
  })
})
