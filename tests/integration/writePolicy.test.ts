import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { metaMap, recordsMap } from '../../shared/board/boardDoc'
import { writeBoardSettings } from '../../shared/board/boardSettings'
import { CloseCode } from '../../shared/closeCodes'
import type { BoardAccessInfo, CreatedWorkshop } from '../../shared/workshopContracts'
import { startTestServer, type TestServer } from '../support/testServer'
import {
  connectProvider,
  firstCloseCode,
  putNote,
  waitFor,
  whenSynced,
} from '../support/syncClients'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'
import { docFromStored } from '../../server/storage/storedDoc'

let server: TestServer | undefined
const cleanups: (() => void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

/** Connects with `params`, makes `change`, and resolves with the close code (0: kept open). */
async function tryWrite(
  workshop: CreatedWorkshop,
  boardIndex: number,
  params: Record<string, string>,
  change: (doc: Y.Doc) => void,
): Promise<number> {
  const client = connectProvider({ ...workshop.boards[boardIndex]!.sync, params })
  cleanups.push(() => client.provider.destroy())
  await whenSynced(client.provider)
  const closed = firstCloseCode(client.provider)
  change(client.doc)
  const code = await Promise.race([
    closed,
    new Promise<number>((resolve) => setTimeout(() => resolve(0), 3000)),
  ])
  client.provider.destroy()
  return code
}

/** The board's doc as storage holds it (its room may have unloaded already). */
async function roomDoc(workshop: CreatedWorkshop, boardIndex: number): Promise<Y.Doc> {
  const stored = server!.storage.loadDoc(workshop.boards[boardIndex]!.id)
  const doc = docFromStored(await stored)
  return doc
}

const plenaryIndex = (workshop: CreatedWorkshop) =>
  workshop.boards.findIndex((board) => board.kind === 'plenary')

describe('who may write what on a workshop board', () => {
  it('keeps a participant from forging the banner, the synthesis or the settings', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const { params } = await joinGroup(server.url, workshop, 0)
    const changes: [string, (doc: Y.Doc) => void][] = [
      ['banner', (doc) => metaMap(doc).set('banner', { text: 'Gå hem nu', at: 1 })],
      [
        'synthesis',
        (doc) => metaMap(doc).set('synthesis', '{"version":1,"keyAreas":{},"entries":{}}'),
      ],
      ['settings', (doc) => writeBoardSettings(doc, { anonymous: true })],
    ]
    for (const [name, change] of changes) {
      expect(await tryWrite(workshop, 0, params, change), name).toBe(CloseCode.writeForbidden)
    }
    expect(metaMap(await roomDoc(workshop, 0)).has('banner')).toBe(false)
    expect(metaMap(await roomDoc(workshop, 0)).has('boardSettings')).toBe(false)
    // Their own notes on their own board still go in.
    expect(await tryWrite(workshop, 0, params, (doc) => putNote(doc, 'shape:mine', 'vår'))).toBe(0)
    expect(recordsMap(await roomDoc(workshop, 0)).has('shape:mine')).toBe(true)
  })

  it('lets the facilitator change the settings and banner, but never the stored schema', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const settings = (doc: Y.Doc) => writeBoardSettings(doc, { anonymous: true })
    expect(await tryWrite(workshop, 0, facilitator, settings)).toBe(0)
    await waitFor(async () => metaMap(await roomDoc(workshop, 0)).has('boardSettings'))
    const banner = (doc: Y.Doc) => metaMap(doc).set('banner', { text: 'Paus', at: 1 })
    expect(await tryWrite(workshop, 0, facilitator, banner)).toBe(0)
    const schema = (doc: Y.Doc) => metaMap(doc).set('tldrawSchema', '{"schemaVersion":2}')
    expect(await tryWrite(workshop, 0, facilitator, schema)).toBe(CloseCode.writeForbidden)
    const badBanner = (doc: Y.Doc) => metaMap(doc).set('banner', { text: 7 })
    expect(await tryWrite(workshop, 0, facilitator, badBanner)).toBe(CloseCode.invalidRecord)
  })

  it('lets a participant write on their own group’s board only, and on the plenary once opened', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const { params } = await joinGroup(server.url, workshop, 0)
    const plenary = plenaryIndex(workshop)
    const note = (id: string) => (doc: Y.Doc) => putNote(doc, id, 'x')
    expect(await tryWrite(workshop, 1, params, note('shape:other'))).toBe(CloseCode.writeForbidden)
    expect(await tryWrite(workshop, plenary, params, note('shape:p1'))).toBe(
      CloseCode.writeForbidden,
    )
    const unnamed = { token: params.token }
    expect(await tryWrite(workshop, 0, unnamed, note('shape:anon'))).toBe(CloseCode.writeForbidden)

    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const access = `/api/workshops/${workshop.id}/boards/${workshop.boards[plenary]!.id}/access`
    expect((await call(server.url, 'PUT', access, params, { openToAll: true })).status).toBe(403)
    expect((await call(server.url, 'PUT', access, facilitator, { openToAll: true })).status).toBe(
      200,
    )
    expect(await tryWrite(workshop, plenary, params, note('shape:p2'))).toBe(0)
    await waitFor(async () => recordsMap(await roomDoc(workshop, plenary)).has('shape:p2'))
    expect(recordsMap(await roomDoc(workshop, plenary)).has('shape:p1')).toBe(false)
    expect(recordsMap(await roomDoc(workshop, 1)).has('shape:other')).toBe(false)
    expect(recordsMap(await roomDoc(workshop, 0)).has('shape:anon')).toBe(false)

    const board = (await (
      await call(server.url, 'GET', `/api/boards/${workshop.boards[1]!.id}`, params)
    ).json()) as BoardAccessInfo
    expect(board).toMatchObject({ role: 'participant', canWrite: false })
    const own = (await (
      await call(server.url, 'GET', `/api/boards/${workshop.boards[0]!.id}`, params)
    ).json()) as BoardAccessInfo
    expect(own).toMatchObject({ canWrite: true, sync: { params } })
  })

  it('follows a participant moved to another group at once', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const { params, participantId } = await joinGroup(server.url, workshop, 0)
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const moved = await call(
      server.url,
      'POST',
      `/api/workshops/${workshop.id}/groups/confirm`,
      facilitator,
      { assignments: { [participantId]: workshop.boards[1]!.id } },
    )
    expect(moved.status).toBe(200)
    const note = (doc: Y.Doc) => putNote(doc, 'shape:n', 'x')
    expect(await tryWrite(workshop, 0, params, note)).toBe(CloseCode.writeForbidden)
    expect(await tryWrite(workshop, 1, params, note)).toBe(0)
  })
})
