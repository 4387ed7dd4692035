import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { readRecord, readRecords, recordsMap, type RecordJson } from '../../shared/board/boardDoc'
import { POSITION_KEY } from '../../shared/board/recordLayout'
import { noteShape } from '../../shared/board/shapeRecords'
import { bindStoreToDoc } from '../../shared/board/storeBinding'
import { toYValue } from '../../shared/board/yjsValue'
import { SqliteStorage } from '../../server/storage/SqliteStorage'
import { docFromStored, encodeSnapshot } from '../../server/storage/storedDoc'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { createTestStore } from '../support/tldrawStore'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const notes = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    noteShape(
      { id: `shape:old-${i}`, x: 10 * i + 0.5, y: -3 * i, index: `a${i + 1}` },
      { text: `Lapp ${i}`, color: 'yellow' },
    ),
  )

/** Every field its own key, as the release before wrote a record (x and y apart). */
const asOlderRelease = (record: RecordJson) => toYValue(record) as Y.Map<unknown>

/** Whether any record's map still holds the x and y keys of the release before. */
const legacyKeysIn = (doc: Y.Doc) =>
  [...recordsMap(doc).values()].some((map) => map.has('x') || map.has('y'))

/** Stores the board's doc with `older` notes added as one snapshot row in `format`. */
async function storeSnapshotAsOlderRelease(
  dataDir: string,
  boardId: string,
  older: RecordJson[],
  format: 'V1' | 'V2',
) {
  const storage = new SqliteStorage(dataDir)
  try {
    const doc = docFromStored(await storage.loadDoc(boardId))
    doc.transact(() => {
      for (const note of older) recordsMap(doc).set(note.id, asOlderRelease(note))
    })
    const snapshot = format === 'V1' ? Y.encodeStateAsUpdate(doc) : encodeSnapshot(doc)
    await storage.compact(boardId, snapshot, await storage.docVersion(boardId))
    return readRecords(doc)
  } finally {
    await storage.close()
  }
}

/** The same board's sync info for a server restarted on another port. */
function onServer(sync: { serverUrl: string }, url: string) {
  const serverUrl = new URL(sync.serverUrl)
  serverUrl.host = new URL(url).host
  return { ...sync, serverUrl: serverUrl.toString() }
}

describe('shape positions stored as one xy value', () => {
  for (const format of ['V1', 'V2'] as const) {
    it(`open a board the release before stored (${format} snapshot, x and y apart) with the same records`, async () => {
      server = await startTestServer()
      const board = await server.createBoard({ title: 'Gammal tavla', template: 'key-areas' })
      const dataDir = server.dataDir
      await server.stop()
      const written = storeSnapshotAsOlderRelease(dataDir, board.id, notes(20), format)

      server = await startTestServer({}, dataDir)
      const { doc, provider } = connectProvider(onServer(board.sync, server.url) as never)
      try {
        await whenSynced(provider)
        const byId = (records: RecordJson[]) =>
          Object.fromEntries(records.map((record) => [record.id, record]))
        expect(byId(readRecords(doc))).toEqual(byId(await written))
        // The server folded every x and y into xy on load, for everyone.
        expect(legacyKeysIn(doc)).toBe(false)
        expect(recordsMap(doc).get('shape:old-7')!.get(POSITION_KEY)).toEqual([70.5, -21])
      } finally {
        provider.destroy()
      }
      await server.stop()

      // What the server stored after the upgrade reads the same and has no x and y keys left.
      const storage = new SqliteStorage(dataDir)
      try {
        const stored = docFromStored(await storage.loadDoc(board.id))
        expect(legacyKeysIn(stored)).toBe(false)
        expect(readRecord(stored, 'shape:old-3')).toMatchObject({ x: 30.5, y: -9 })
      } finally {
        await storage.close()
        server = undefined
      }
    })
  }

  it('take a note and its moves from a client of the release before, and show them to others', async () => {
    server = await startTestServer()
    const board = await server.createBoard({ title: 'Blandade klienter', template: 'key-areas' })
    const older = connectProvider(board.sync)
    const current = connectProvider(board.sync)
    await Promise.all([whenSynced(older.provider), whenSynced(current.provider)])
    const store = createTestStore()
    const binding = bindStoreToDoc(store, current.doc)
    const [note] = notes(1) as [RecordJson]
    try {
      // The older client writes the note whole, then moves it: its binding sets x and y.
      older.doc.transact(() => recordsMap(older.doc).set(note.id, asOlderRelease(note)))
      older.doc.transact(() => {
        const map = recordsMap(older.doc).get(note.id)!
        map.set('x', 444)
        map.set('y', 555)
      })
      const shown = () => store.get(note.id as TLRecord['id']) as { x: number; y: number }
      await waitFor(() => shown()?.x === 444 && shown()?.y === 555)
      const room = () => server!.rooms.get(board.id)!.doc
      await waitFor(() => !legacyKeysIn(room()))
      expect(recordsMap(room()).get(note.id)!.get(POSITION_KEY)).toEqual([444, 555])
      expect(readRecord(room(), note.id)).toEqual({ ...note, x: 444, y: 555 })

      // Only y this time (an older client writes just the changed key): x is kept.
      older.doc.transact(() => recordsMap(older.doc).get(note.id)!.set('y', 1))
      await waitFor(() => shown()?.y === 1)
      expect(shown().x).toBe(444)
      await waitFor(() => !legacyKeysIn(room()))
      expect(readRecord(room(), note.id)).toMatchObject({ x: 444, y: 1 })
    } finally {
      binding.dispose()
      older.provider.destroy()
      current.provider.destroy()
    }
  })
})
