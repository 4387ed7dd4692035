import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord, recordsMap, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { CloseCode } from '../../shared/closeCodes'
import { FACILITATOR_LOCK_META_KEY, type CreatedWorkshop } from '../../shared/workshopContracts'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { createWorkshop, HandMadeClient, joinGroup } from '../support/workshopClients'
import { docFromStored } from '../../server/storage/storedDoc'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

/** A participant of the first group's sync URL: joined, so the write policy lets them write. */
function participantUrl(workshop: CreatedWorkshop, params: Record<string, string>) {
  const board = workshop.boards[0]!
  return `${board.sync.serverUrl}/${board.sync.room}?${new URLSearchParams(params)}`
}

const note = (id: string, x: number, locked: boolean) =>
  noteShape(
    { id, x, y: 0, index: 'a1', meta: locked ? { [FACILITATOR_LOCK_META_KEY]: true } : {} },
    { text: id, color: 'yellow' },
  )

/** A board with a note the facilitator locked and one that is free, and a participant on it. */
async function lockedBoard() {
  server = await startTestServer()
  const workshop = await createWorkshop(server.url)
  const facilitator = connectProvider(workshop.boards[0]!.sync)
  cleanups.push(() => facilitator.provider.destroy())
  await whenSynced(facilitator.provider)
  writeRecords(facilitator.doc, [note('shape:locked', 0, true), note('shape:free', 300, false)])
  const room = () => server!.rooms.get(workshop.boards[0]!.id)!.doc
  await waitFor(() => !!readRecord(room(), 'shape:free'))
  const { params } = await joinGroup(server.url, workshop, 0)
  const participant = new HandMadeClient(participantUrl(workshop, params))
  cleanups.push(() => participant.close())
  await participant.opened
  await waitFor(() => !!readRecord(participant.doc, 'shape:locked'))
  return { workshop, participant, room, params }
}

/** Changes one field of a record in the participant's copy and sends just that change. */
function change(client: HandMadeClient, id: string, edit: (record: Y.Map<unknown>) => void) {
  const before = Y.encodeStateVector(client.doc)
  client.doc.transact(() => edit(recordsMap(client.doc).get(id)!))
  client.sendUpdate(Y.encodeStateAsUpdate(client.doc, before))
}

describe('the facilitator lock', () => {
  it("refuses a participant's move of a locked shape and keeps the stored doc unchanged", async () => {
    const { workshop, participant, room } = await lockedBoard()
    const stateBefore = Y.encodeStateVector(room())
    change(participant, 'shape:locked', (record) => record.set('x', 999))
    expect(await participant.closed).toBe(CloseCode.writeForbidden)
    expect(readRecord(room(), 'shape:locked')!.x).toBe(0)
    expect(Y.encodeStateVector(room())).toEqual(stateBefore)

    const dataDir = server!.dataDir
    await server!.stop()
    server = await startTestServer({}, dataDir)
    const stored = await server.storage.loadDoc(workshop.boards[0]!.id)
    const doc = docFromStored(stored)
    expect(readRecord(doc, 'shape:locked')!.x).toBe(0)
  })

  it('refuses a participant unlocking, deleting or locking shapes, and lets them move free ones', async () => {
    const { workshop, participant, room, params } = await lockedBoard()
    change(participant, 'shape:free', (record) => record.set('x', 400))
    await waitFor(() => readRecord(room(), 'shape:free')!.x === 400)

    change(participant, 'shape:locked', (record) =>
      (record.get('meta') as Y.Map<unknown>).delete(FACILITATOR_LOCK_META_KEY),
    )
    expect(await participant.closed).toBe(CloseCode.writeForbidden)

    const deleter = new HandMadeClient(participantUrl(workshop, params))
    cleanups.push(() => deleter.close())
    await deleter.opened
    await waitFor(() => !!readRecord(deleter.doc, 'shape:locked'))
    const before = Y.encodeStateVector(deleter.doc)
    recordsMap(deleter.doc).delete('shape:locked')
    deleter.sendUpdate(Y.encodeStateAsUpdate(deleter.doc, before))
    expect(await deleter.closed).toBe(CloseCode.writeForbidden)

    const locker = new HandMadeClient(participantUrl(workshop, params))
    cleanups.push(() => locker.close())
    await locker.opened
    await waitFor(() => !!readRecord(locker.doc, 'shape:free'))
    change(locker, 'shape:free', (record) =>
      (record.get('meta') as Y.Map<unknown>).set(FACILITATOR_LOCK_META_KEY, true),
    )
    expect(await locker.closed).toBe(CloseCode.writeForbidden)
    expect(readRecord(room(), 'shape:locked')).toBeDefined()
    expect(readRecord(room(), 'shape:free')!.meta).toEqual({})
  })
})
