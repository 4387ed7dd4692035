import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { readRecord, recordsMap, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import {
  decodeRecord,
  POSITION_KEY,
  upgradeLegacyPositions,
  writeRecordChanges,
} from '../../shared/board/recordLayout'
import { noteShape, pageRecord } from '../../shared/board/shapeRecords'
import { bindStoreToDoc } from '../../shared/board/storeBinding'
import { toYValue, writeChanges } from '../../shared/board/yjsValue'
import { createTestStore, tldrawSchema } from '../support/tldrawStore'

const note = (x = 100, y = 200) =>
  noteShape({ id: 'shape:n', x, y, index: 'a1' }, { text: 'Hinder', color: 'yellow' })

/** A record's map exactly as the release before wrote it: every field its own key. */
function writeAsOlderRelease(doc: Y.Doc, record: RecordJson) {
  doc.transact(() => recordsMap(doc).set(record.id, toYValue(record) as Y.Map<unknown>))
}

/** Structs in the doc's store, and how many of them are deleted (overwritten values). */
function structs(doc: Y.Doc) {
  let items = 0
  let deleted = 0
  for (const list of doc.store.clients.values()) {
    for (const struct of list) {
      if (!(struct instanceof Y.Item)) continue
      items++
      if (struct.deleted) deleted++
    }
  }
  return { items, deleted }
}

describe('a record in the doc', () => {
  it('holds a shape’s x and y as one plain value and reads back the same record', () => {
    const doc = new Y.Doc()
    doc.transact(() => writeRecords(doc, [note(12.5, -40)]))
    const map = recordsMap(doc).get('shape:n')!
    expect(map.get(POSITION_KEY)).toEqual([12.5, -40])
    expect(map.has('x') || map.has('y')).toBe(false)
    expect(readRecord(doc, 'shape:n')).toEqual(note(12.5, -40))
  })

  it('leaves half the structs behind after moves that x and y as two keys left', () => {
    /** Two notes moved in turn (so that Yjs cannot merge one note's moves), 50 moves each. */
    const movesLeave = (
      write: (map: Y.Map<unknown>, base: RecordJson, next: RecordJson) => void,
    ) => {
      const doc = new Y.Doc()
      const ids = ['shape:a', 'shape:b']
      const agreed = new Map(ids.map((id) => [id, { ...note(), id } as RecordJson]))
      doc.transact(() => {
        for (const [id, record] of agreed)
          recordsMap(doc).set(id, toYValue(record) as Y.Map<unknown>)
      })
      doc.transact(() => upgradeLegacyPositions(recordsMap(doc), 'test'))
      const before = structs(doc)
      for (let i = 1; i <= 50; i++) {
        for (const id of ids) {
          const moved = { ...agreed.get(id)!, x: 100 + i, y: 200 + i }
          doc.transact(() => write(recordsMap(doc).get(id)!, agreed.get(id)!, moved))
          agreed.set(id, moved)
        }
      }
      expect(readRecord(doc, 'shape:a')).toMatchObject({ x: 150, y: 250 })
      return structs(doc).deleted - before.deleted
    }
    const twoKeys = movesLeave((map, base, next) => {
      map.delete('xy')
      writeChanges(map, base, next)
    })
    const oneKey = movesLeave(writeRecordChanges)
    expect(oneKey).toBe(100)
    expect(twoKeys).toBeGreaterThan(1.9 * oneKey)
  })

  it('reads a record of the release before (x and y keys) the same, and folds them on upgrade', () => {
    const doc = new Y.Doc()
    writeAsOlderRelease(doc, note(7, 8))
    expect(readRecord(doc, 'shape:n')).toEqual(note(7, 8))
    expect(upgradeLegacyPositions(recordsMap(doc), 'test')).toEqual(['shape:n'])
    const map = recordsMap(doc).get('shape:n')!
    expect([...map.keys()]).not.toContain('x')
    expect(map.get(POSITION_KEY)).toEqual([7, 8])
    expect(readRecord(doc, 'shape:n')).toEqual(note(7, 8))
    expect(upgradeLegacyPositions(recordsMap(doc), 'test')).toEqual([])
  })

  it('lets an older client’s x win over xy, as it is written after the upgrade', () => {
    const doc = new Y.Doc()
    doc.transact(() => writeRecords(doc, [note(1, 2)]))
    // The older client moved the note sideways: its binding writes only the changed key.
    doc.transact(() => recordsMap(doc).get('shape:n')!.set('x', 90))
    expect(readRecord(doc, 'shape:n')).toMatchObject({ x: 90, y: 2 })
    upgradeLegacyPositions(recordsMap(doc), 'server')
    expect(recordsMap(doc).get('shape:n')!.get(POSITION_KEY)).toEqual([90, 2])
    expect(readRecord(doc, 'shape:n')).toEqual(note(90, 2))
  })

  it('keeps an offline move of the release before that crosses the server’s upgrade', () => {
    const server = new Y.Doc()
    writeAsOlderRelease(server, note(1, 2))
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(server))
    // Offline, the older client moves the note; meanwhile the server loads and upgrades it.
    offline.transact(() => {
      recordsMap(offline).get('shape:n')!.set('x', 300)
      recordsMap(offline).get('shape:n')!.set('y', 400)
    })
    upgradeLegacyPositions(recordsMap(server), 'restore')
    Y.applyUpdate(server, Y.encodeStateAsUpdate(offline, Y.encodeStateVector(server)))
    expect(readRecord(server, 'shape:n')).toMatchObject({ x: 300, y: 400 })
    upgradeLegacyPositions(recordsMap(server), 'repair')
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(server, Y.encodeStateVector(offline)))
    for (const doc of [server, offline]) {
      expect(recordsMap(doc).get('shape:n')!.has('x')).toBe(false)
      expect(readRecord(doc, 'shape:n')).toEqual(note(300, 400))
    }
  })

  it('leaves an xy that is not a pair of numbers for validation to refuse', () => {
    for (const xy of ['12,4', [1], ['a', 2], [1, 2, 3], { x: 1, y: 2 }]) {
      const map = new Y.Doc().getMap('m')
      const fields: Record<string, unknown> = { ...note(), xy }
      delete fields.x
      delete fields.y
      for (const [key, value] of Object.entries(fields)) map.set(key, value)
      const record = decodeRecord(map)
      expect(() => tldrawSchema.types.shape.validate(record)).toThrow(/xy|x/)
    }
  })

  it('is upgraded by a binding that changes a record of the release before', () => {
    const doc = new Y.Doc()
    doc.transact(() => writeRecords(doc, [pageRecord('Tavla')]))
    writeAsOlderRelease(doc, note(5, 6))
    const store = createTestStore()
    const binding = bindStoreToDoc(store, doc, { flushIntervalMs: 0 })
    expect(store.get('shape:n' as TLRecord['id'])).toMatchObject({ x: 5, y: 6 })
    store.update('shape:n' as TLRecord['id'], (r) => ({ ...r, x: 50 }) as TLRecord)
    binding.flush()
    const map = recordsMap(doc).get('shape:n')!
    expect(map.has('x') || map.has('y')).toBe(false)
    expect(map.get(POSITION_KEY)).toEqual([50, 6])
    expect(readRecord(doc, 'shape:n')).toMatchObject({ x: 50, y: 6 })
    binding.dispose()
  })
})
