import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, type RecordJson } from '../../shared/board/boardDoc'
import { toYValue, type JsonValue } from '../../shared/board/yjsValue'
import { noteShape } from '../../shared/board/shapeRecords'
import { CloseCode } from '../../shared/closeCodes'
import { startTestServer, type TestServer } from '../support/testServer'
import {
  connectProvider,
  firstCloseCode,
  putNote,
  waitFor,
  whenSynced,
} from '../support/syncClients'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const valid = () =>
  noteShape({ id: 'shape:bad', x: 0, y: 0, index: 'a1' }, { text: 'x', color: 'yellow' })

const invalidRecords: [string, () => RecordJson][] = [
  ['NaN coordinates', () => ({ ...valid(), x: NaN })],
  ['an unknown shape type', () => ({ ...valid(), type: 'rocket' })],
  ['an unknown record type', () => ({ ...valid(), typeName: 'virus' })],
  ['a missing required prop', () => ({ ...valid(), props: { color: 'yellow' } })],
  ['an id that does not match its key', () => ({ ...valid(), id: 'shape:other' })],
  ['a position (xy) that is text', () => packed('12,4')],
  ['a position (xy) of one number', () => packed([12])],
  ['a position (xy) with a word in it', () => packed(['a', 2])],
  ['a position (xy) of NaN', () => packed([NaN, 0])],
  ['a position (xy) beside a word for y', () => ({ ...packed([1, 2]), y: 'down' })],
]

/** The valid note with its position as the doc layout packs it, but `xy` set to `value`. */
function packed(value: JsonValue): RecordJson {
  const record: RecordJson = { ...valid(), xy: value }
  delete record.x
  delete record.y
  return record
}

function storedRecordIds(dataDir: string, boardId: string, doc = new Y.Doc()) {
  const db = new Database(path.join(dataDir, 'samskapa.db'), { readonly: true })
  const rows = db.prepare('SELECT data FROM updates WHERE board_id = ?').all(boardId) as {
    data: Buffer
  }[]
  db.close()
  for (const row of rows) Y.applyUpdate(doc, row.data)
  return readRecords(doc).map((record) => record.id)
}

describe('record validation on the server', () => {
  for (const [name, record] of invalidRecords) {
    it(`keeps a record with ${name} from peers and storage`, async () => {
      server = await startTestServer()
      const board = await server.createBoard({ template: 'blank' })
      const mallory = connectProvider(board.sync)
      const alice = connectProvider(board.sync)
      await Promise.all([whenSynced(mallory.provider), whenSynced(alice.provider)])
      const closed = firstCloseCode(mallory.provider)

      // Written under the key shape:bad, whatever the record says of itself.
      mallory.doc.getMap('records').set('shape:bad', toYValue(record()) as Y.Map<unknown>)
      expect(await closed).toBe(CloseCode.invalidRecord)
      mallory.provider.destroy()

      putNote(alice.doc, 'shape:good', 'fine')
      await waitFor(() => server!.rooms.get(board.id)!.doc.getMap('records').has('shape:good'))
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(alice.doc.getMap('records').has('shape:bad')).toBe(false)
      expect(server.rooms.get(board.id)!.doc.getMap('records').has('shape:bad')).toBe(false)
      expect(storedRecordIds(server.dataDir, board.id)).not.toContain('shape:bad')
      alice.provider.destroy()
    })
  }
})
