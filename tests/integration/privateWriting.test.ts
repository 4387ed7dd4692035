import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord, recordsMap, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { CloseCode } from '../../shared/closeCodes'
import {
  DRAFT_COUNT_PRESENCE_KEY,
  PRIVATE_DRAFT_META_KEY,
  type CreatedWorkshop,
  type WorkshopInfo,
} from '../../shared/workshopContracts'
import {
  connectProvider,
  firstCloseCode,
  putNote,
  waitFor,
  whenSynced,
} from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'
import { docFromStored } from '../../server/storage/storedDoc'

let server: TestServer | undefined
const cleanups: (() => void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

/** A y-websocket client on the first group's board with `params` (the facilitator's if none). */
async function client(workshop: CreatedWorkshop, params?: Record<string, string>) {
  const sync = workshop.boards[0]!.sync
  const connected = connectProvider(params ? { ...sync, params } : sync)
  cleanups.push(() => connected.provider.destroy())
  const closed = firstCloseCode(connected.provider)
  await whenSynced(connected.provider)
  return { ...connected, closed }
}

/** Resolves with the close code, or 0 when the socket stays open for a while. */
const closeCode = (closed: Promise<number>) =>
  Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(0), 3000))])

async function storedDoc(workshop: CreatedWorkshop): Promise<Y.Doc> {
  const stored = server!.storage.loadDoc(workshop.boards[0]!.id)
  const doc = docFromStored(await stored)
  return doc
}

async function privateWriting(workshop: CreatedWorkshop, body: unknown, token?: string) {
  return call(
    server!.url,
    'POST',
    `/api/workshops/${workshop.id}/private-writing`,
    { token: token ?? tokenOf(workshop.links.facilitator) },
    body,
  )
}

describe('silent writing', () => {
  it("keeps participants' new notes out of the shared doc until the reveal", async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const { params } = await joinGroup(server.url, workshop, 0, 'Anna')
    const before = await client(workshop, params)
    putNote(before.doc, 'shape:before', 'skrivet innan')
    await waitFor(async () => !!readRecord(await storedDoc(workshop), 'shape:before'))
    before.provider.destroy()

    expect((await privateWriting(workshop, { on: true })).status).toBe(200)
    // Someone else on the board: must never see a draft.
    const watcher = await client(workshop, { token: tokenOf(workshop.links.viewer) })

    // The writer's browser keeps its drafts: the watcher and the stored doc never see them.
    const writer = await client(workshop, params)
    writer.provider.awareness.setLocalStateField(DRAFT_COUNT_PRESENCE_KEY, 1)
    await waitFor(() =>
      [...watcher.provider.awareness.getStates().values()].some(
        (state) => state[DRAFT_COUNT_PRESENCE_KEY] === 1,
      ),
    )
    expect(readRecord(await storedDoc(workshop), 'shape:secret')).toBeUndefined()
    expect(readRecord(watcher.doc, 'shape:secret')).toBeUndefined()
    // Notes from before silent writing are edited as usual.
    const editor = await client(workshop, params)
    editor.doc.transact(() => {
      const props = recordsMap(editor.doc).get('shape:before')!.get('props') as Y.Map<unknown>
      props.set('color', 'green')
    })
    expect(await closeCode(editor.closed)).toBe(0)
    await waitFor(
      () =>
        (readRecord(watcher.doc, 'shape:before')?.props as { color?: string }).color === 'green',
    )

    // A draft's flag never enters a doc, not even from the facilitator.
    const facilitator = await client(workshop)
    writeRecords(facilitator.doc, [
      noteShape(
        { id: 'shape:flagged', x: 0, y: 0, index: 'a3', meta: { [PRIVATE_DRAFT_META_KEY]: true } },
        { text: 'utkast', color: 'yellow' },
      ),
    ])
    expect(await facilitator.closed).toBe(CloseCode.writeForbidden)
    expect(readRecord(await storedDoc(workshop), 'shape:flagged')).toBeUndefined()

    const revealed = await privateWriting(workshop, { on: false, anonymous: true })
    expect(revealed.status).toBe(200)
    const info = (await (
      await call(server.url, 'GET', `/api/workshops/${workshop.id}`, {
        token: tokenOf(workshop.links.participant),
      })
    ).json()) as WorkshopInfo & {
      privateWriting: boolean
      revealAnonymous: boolean
      revealedAt: number
    }
    expect(info.privateWriting).toBe(false)
    expect(info.revealAnonymous).toBe(true)
    expect(info.revealedAt).toBeGreaterThan(0)

    // After the reveal the writer's browser sends its drafts: now they go in, once.
    const revealer = await client(workshop, params)
    putNote(revealer.doc, 'shape:secret', 'hemligt')
    expect(await closeCode(revealer.closed)).toBe(0)
    await waitFor(() => readRecord(watcher.doc, 'shape:secret') !== undefined)
    expect([...recordsMap(watcher.doc).keys()].filter((id) => id === 'shape:secret')).toHaveLength(
      1,
    )
    expect(readRecord(await storedDoc(workshop), 'shape:secret')).toBeDefined()
  })

  it('takes a note written the instant silent writing starts, and keeps the socket open', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const { params } = await joinGroup(server.url, workshop, 0, 'Anna')
    const watcher = await client(workshop, { token: tokenOf(workshop.links.viewer) })
    const anna = await client(workshop, params)
    // The facilitator starts silent writing; Anna's page writes before it could hear of it.
    const started = privateWriting(workshop, { on: true })
    await started
    putNote(anna.doc, 'shape:instant', 'skrivet i samma ögonblick')
    expect(await closeCode(anna.closed)).toBe(0)
    await waitFor(async () => readRecord(await storedDoc(workshop), 'shape:instant') !== undefined)
    await waitFor(() => readRecord(watcher.doc, 'shape:instant') !== undefined)
    // Her page goes on working: the next edit (to that note) goes in over the same socket.
    anna.doc.transact(() => {
      const props = recordsMap(anna.doc).get('shape:instant')!.get('props') as Y.Map<unknown>
      props.set('color', 'green')
    })
    await waitFor(
      () =>
        (readRecord(watcher.doc, 'shape:instant')?.props as { color?: string }).color === 'green',
    )
    expect(anna.provider.wsconnected).toBe(true)
  })

  it('refuses participants, viewers and malformed bodies', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const participant = await privateWriting(
      workshop,
      { on: true },
      tokenOf(workshop.links.participant),
    )
    expect(participant.status).toBe(403)
    expect(
      (await privateWriting(workshop, { on: true }, tokenOf(workshop.links.viewer))).status,
    ).toBe(403)
    for (const body of [{}, { on: 'yes' }, { on: true, anonymous: true }, { on: false, x: 1 }]) {
      expect((await privateWriting(workshop, body)).status, JSON.stringify(body)).toBe(400)
    }
    const day = (await (
      await call(server.url, 'GET', `/api/workshops/${workshop.id}`, {
        token: tokenOf(workshop.links.facilitator),
      })
    ).json()) as { privateWriting: boolean }
    expect(day.privateWriting).toBe(false)
  })
})
