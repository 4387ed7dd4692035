import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  metaMap,
  readRecord,
  readRecords,
  recordsMap,
  writeRecords,
} from '../../shared/board/boardDoc'
import { readEpoch } from '../../shared/board/boardEpoch'
import { noteShape } from '../../shared/board/shapeRecords'
import { CloseCode } from '../../shared/closeCodes'
import type { SyncInfo } from '../../shared/contracts'
import type { CreatedBoard } from '../../shared/workshopContracts'
import {
  connectProvider,
  firstCloseCode,
  noteText,
  putNote,
  rawSocket,
  syncUrl,
  waitFor,
  whenSynced,
} from '../support/syncClients'
import { playDayOfMoves } from '../support/dayOfMoves'
import { startTestServer, type TestServer } from '../support/testServer'
import { tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const destroyers: (() => void)[] = []
afterEach(async () => {
  for (const destroy of destroyers.splice(0)) destroy()
  await server?.stop()
  server = undefined
})

const NOTES = 40

function withParams(sync: SyncInfo, params: Record<string, string>): SyncInfo {
  return { ...sync, params: { ...sync.params, ...params } }
}

/** A client of the board whose doc outlives its connection (the copy in a browser). */
async function joined(sync: SyncInfo) {
  const client = connectProvider(sync)
  destroyers.push(() => client.provider.destroy())
  await whenSynced(client.provider)
  return client
}

/** A board after a day of moves (playDayOfMoves); returns the writer's doc, still connected. */
async function boardAfterADay(rounds = 120) {
  server = await startTestServer({ ROOM_GRACE_MS: '50' })
  const board = (await server.createBoard({ title: 'Lång dag' })) as CreatedBoard
  const writer = await joined(withParams(board.sync, { epoch: '0' }))
  playDayOfMoves(writer.doc, NOTES, rounds)
  await waitFor(() => !server!.rooms.get(board.id)?.hasPending)
  await waitFor(async () => (await server!.storage.loadDoc(board.id)).updates.length > rounds)
  return { board, writer }
}

/** Disconnects `client` (its doc stays, like a closed laptop) and waits for the room to unload. */
async function leaveAndUnload(
  board: CreatedBoard,
  ...clients: { provider: { disconnect(): void } }[]
) {
  for (const client of clients) client.provider.disconnect()
  await waitFor(() => server!.rooms.get(board.id) === undefined)
  await server!.rooms.stored(board.id)
}

function rescue(board: CreatedBoard, copy: Uint8Array, query: Record<string, string>) {
  return fetch(
    `${server!.url}/api/boards/${board.id}/rescue?${new URLSearchParams(query).toString()}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: Buffer.from(copy),
    },
  )
}

const byId = (doc: Y.Doc) => Object.fromEntries(readRecords(doc).map((r) => [r.id, r]))

describe('a long day is rebuilt into a new epoch when its room unloads', () => {
  it('stores the same records without the history, at most 1.3× a fresh doc; a new client gets epoch 1', async () => {
    const { board, writer } = await boardAfterADay()
    const grownBytes = Y.encodeStateAsUpdate(writer.doc).byteLength
    await leaveAndUnload(board, writer)
    expect(await server!.storage.epochBase(board.id, 0)).toBeDefined()

    const reader = await joined(withParams(board.sync, { epoch: 'none' }))
    expect(readEpoch(reader.doc)).toBe(1)
    expect(byId(reader.doc)).toEqual(byId(writer.doc))
    const fresh = new Y.Doc()
    writeRecords(fresh, readRecords(writer.doc))
    metaMap(fresh).set('tldrawSchema', metaMap(reader.doc).get('tldrawSchema'))
    const freshBytes = Y.encodeStateAsUpdate(fresh).byteLength
    const rebuiltBytes = Y.encodeStateAsUpdate(reader.doc).byteLength
    expect(rebuiltBytes).toBeLessThanOrEqual(1.3 * freshBytes)
    expect(grownBytes).toBeGreaterThan(2 * rebuiltBytes)
  })

  it('leaves a board that did not grow as it is (no new epoch)', async () => {
    const { board, writer } = await boardAfterADay(2)
    await leaveAndUnload(board, writer)
    expect(await server!.storage.epochBase(board.id, 0)).toBeUndefined()
    const again = await joined(withParams(board.sync, { epoch: '0' }))
    expect(readEpoch(again.doc)).toBe(0)
  })

  it('refuses a copy of the old epoch (4410), a copy claiming a later one, a malformed one, and one without the parameter', async () => {
    const { board, writer } = await boardAfterADay()
    await leaveAndUnload(board, writer)
    const closeOf = async (params: Record<string, string>) => {
      const { closed } = await rawSocket(syncUrl(withParams(board.sync, params)))
      return (await closed).code
    }
    expect(await closeOf({ epoch: '0' })).toBe(CloseCode.epochChanged)
    expect(await closeOf({ epoch: '7' })).toBe(CloseCode.epochChanged)
    expect(await closeOf({ epoch: 'x1' })).toBe(CloseCode.badRequest)
    // A client of the release before epochs names none: its copy is of epoch 0.
    const legacy = connectProvider(board.sync)
    destroyers.push(() => legacy.provider.destroy())
    expect(await firstCloseCode(legacy.provider)).toBe(CloseCode.epochChanged)
    expect(legacy.doc.share.has('records') ? recordsMap(legacy.doc).size : 0).toBe(0)
  })

  it('refuses an update that carries items of the old epoch, whatever epoch its client names', async () => {
    const { board, writer } = await boardAfterADay()
    await leaveAndUnload(board, writer)
    const reader = await joined(withParams(board.sync, { epoch: 'none' }))
    const rebuiltBytes = Y.encodeStateAsUpdate(reader.doc).byteLength
    // A copy merged with the old one (a second tab that kept it) names the current epoch.
    const merged = connectProvider(withParams(board.sync, { epoch: '1' }), writer.doc)
    destroyers.push(() => merged.provider.destroy())
    expect(await firstCloseCode(merged.provider)).toBe(CloseCode.epochChanged)
    // Nothing of it reached the board: a later reader gets the rebuilt doc as it was.
    const later = await joined(withParams(board.sync, { epoch: 'none' }))
    expect(Y.encodeStateAsUpdate(later.doc).byteLength).toBe(rebuiltBytes)
    expect(Y.encodeStateAsUpdate(reader.doc).byteLength).toBe(rebuiltBytes)
  })

  it('takes in what an offline copy of the old epoch wrote, field by field, beside what others wrote since', async () => {
    const { board, writer: offline } = await boardAfterADay()
    offline.provider.disconnect()
    // Offline: a text edited, a note moved, a note written, a note deleted.
    offline.doc.transact(() => {
      putNote(offline.doc, 'shape:n0', 'Ändrad offline')
      const moved = readRecord(offline.doc, 'shape:n1')!
      writeRecords(offline.doc, [{ ...moved, x: -500, y: -400 }])
      putNote(offline.doc, 'shape:offline', 'Skriven utan nät')
      recordsMap(offline.doc).delete('shape:n2')
    })
    await leaveAndUnload(board)

    // Meanwhile, on the rebuilt board: n1 recoloured, n3 deleted by someone online.
    const online = await joined(withParams(board.sync, { epoch: 'none' }))
    expect(readEpoch(online.doc)).toBe(1)
    online.doc.transact(() => {
      const note = readRecord(online.doc, 'shape:n1')!
      const props = note.props as Record<string, unknown>
      writeRecords(online.doc, [{ ...note, props: { ...props, color: 'green' } } as never])
      recordsMap(online.doc).delete('shape:n3')
    })
    await waitFor(() => !server!.rooms.get(board.id)?.hasPending)

    const token = tokenOf(board.links.participant)
    const response = await rescue(board, Y.encodeStateAsUpdate(offline.doc), { epoch: '0', token })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ rescued: 4 })

    await waitFor(() => noteText(online.doc, 'shape:offline') === 'Skriven utan nät')
    expect(noteText(online.doc, 'shape:n0')).toBe('Ändrad offline')
    const n1 = readRecord(online.doc, 'shape:n1')!
    expect([n1.x, n1.y]).toEqual([-500, -400])
    expect((n1.props as { color: string }).color).toBe('green')
    expect(readRecord(online.doc, 'shape:n2')).toBeUndefined()
    expect(readRecord(online.doc, 'shape:n3')).toBeUndefined()
    // The rescue wrote changes into the rebuilt doc; it did not merge the old epoch's items.
    expect(readEpoch(online.doc)).toBe(1)
    expect(Y.encodeStateAsUpdate(online.doc).byteLength).toBeLessThan(
      Y.encodeStateAsUpdate(offline.doc).byteLength / 2,
    )
  })

  it('refuses a rescue from a viewer, of an epoch not kept, of garbage, and one that writes what the writer may not', async () => {
    const { board, writer } = await boardAfterADay()
    writer.provider.disconnect()
    const copy = Y.encodeStateAsUpdate(writer.doc)
    await leaveAndUnload(board)
    const participant = tokenOf(board.links.participant)

    const viewer = tokenOf(board.links.viewer)
    expect((await rescue(board, copy, { epoch: '0', token: viewer })).status).toBe(403)
    expect((await rescue(board, copy, { epoch: '1', token: participant })).status).toBe(410)
    expect((await rescue(board, copy, { epoch: 'one', token: participant })).status).toBe(400)
    expect((await rescue(board, copy, { epoch: '0' })).status).toBe(401)
    const garbage = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256)
    expect((await rescue(board, garbage, { epoch: '0', token: participant })).status).toBe(400)
    expect((await rescue(board, new Uint8Array(), { epoch: '0', token: participant })).status).toBe(
      400,
    )
    // Only the server writes the epoch; a copy claiming one is refused as a whole.
    writer.doc.transact(() => {
      metaMap(writer.doc).set('epoch', 9)
      writeRecords(writer.doc, [
        noteShape({ id: 'shape:sneaky', x: 0, y: 0, index: 'a9' }, { text: 'x', color: 'red' }),
      ])
    })
    const forbidden = await rescue(board, Y.encodeStateAsUpdate(writer.doc), {
      epoch: '0',
      token: participant,
    })
    expect(forbidden.status).toBe(403)
    const after = await joined(withParams(board.sync, { epoch: 'none' }))
    expect(readRecord(after.doc, 'shape:sneaky')).toBeUndefined()
    expect(readEpoch(after.doc)).toBe(1)
  })
})
