import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyStoredDoc, docFromStored, encodeSnapshot } from '../../server/storage/storedDoc'

/** A board after a long day: 300 notes, each moved a hundred times. */
function movedAllDay(): Y.Doc {
  const doc = new Y.Doc()
  const records = doc.getMap<Y.Map<unknown>>('records')
  doc.transact(() => {
    for (let i = 0; i < 300; i++) {
      const note = new Y.Map<unknown>()
      note.set('x', 0)
      note.set('y', 0)
      note.set('text', `Lapp ${i}`)
      records.set(`shape:${i}`, note)
    }
  })
  for (let move = 0; move < 30_000; move++) {
    const note = records.get(`shape:${move % 300}`)!
    doc.transact(() => {
      note.set('x', move)
      note.set('y', -move)
    })
  }
  return doc
}

const json = (doc: Y.Doc) => doc.getMap('records').toJSON()

describe('stored snapshots', () => {
  it('round-trip the doc in the V2 format, far smaller than V1 after a long day', () => {
    const doc = movedAllDay()
    const snapshot = encodeSnapshot(doc)
    const loaded = docFromStored({ snapshot, updates: [] })
    expect(json(loaded)).toEqual(json(doc))
    expect(snapshot.byteLength).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength / 5)
  })

  it('still open a V1 snapshot an older release stored, with the updates after it', () => {
    const doc = movedAllDay()
    const v1 = Y.encodeStateAsUpdate(doc)
    const later = new Y.Doc()
    Y.applyUpdate(later, v1)
    const before = Y.encodeStateVector(later)
    later.getMap<Y.Map<unknown>>('records').get('shape:7')!.set('text', 'Ändrad sedan')
    const update = Y.encodeStateAsUpdate(later, before)
    const loaded = new Y.Doc()
    applyStoredDoc(loaded, { snapshot: v1, updates: [update] })
    expect(json(loaded)).toEqual(json(later))
    expect((json(loaded)['shape:7'] as { text: string }).text).toBe('Ändrad sedan')
  })

  it('give the same doc whether a V2 snapshot or the updates it replaced are read', () => {
    const doc = movedAllDay()
    const fromUpdates = docFromStored({
      snapshot: undefined,
      updates: [Y.encodeStateAsUpdate(doc)],
    })
    const fromSnapshot = docFromStored({ snapshot: encodeSnapshot(doc), updates: [] })
    expect(Y.encodeStateVector(fromSnapshot)).toEqual(Y.encodeStateVector(fromUpdates))
    expect(json(fromSnapshot)).toEqual(json(fromUpdates))
  })
})
