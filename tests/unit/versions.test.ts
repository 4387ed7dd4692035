import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord, readRecords, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { diffRecords, restoreRecords } from '../../shared/versions/restoreRecords'

const note = (id: string, x: number, text: string) =>
  noteShape({ id, x, y: 0, index: 'a1' }, { text, color: 'yellow' })

describe('restoring a version', () => {
  it('diffs only what changed: moved, deleted and added records', () => {
    const version = [note('shape:a', 0, 'A'), note('shape:b', 0, 'B')]
    const now = [note('shape:a', 500, 'A'), note('shape:c', 0, 'C')]
    const diff = diffRecords(now, version)
    expect(diff.put.map((record) => record.id).sort()).toEqual(['shape:a', 'shape:b'])
    expect(diff.remove).toEqual(['shape:c'])
    expect(diffRecords(version, version)).toEqual({ put: [], remove: [] })
  })

  it('brings back a moved and a deleted note as one change, field by field', () => {
    const doc = new Y.Doc()
    writeRecords(doc, [note('shape:a', 0, 'A'), note('shape:b', 0, 'B')])
    const version = readRecords(doc)
    writeRecords(doc, [note('shape:a', 500, 'A'), note('shape:c', 0, 'C')], ['shape:b'])

    const changes: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => changes.push(update))
    restoreRecords(doc, version)
    expect(changes).toHaveLength(1)
    expect(readRecord(doc, 'shape:a')!.x).toBe(0)
    expect(readRecord(doc, 'shape:b')).toEqual(version.find((record) => record.id === 'shape:b'))
    expect(readRecord(doc, 'shape:c')).toBeUndefined()
    // The moved note's text was not rewritten: only x changed.
    expect(changes[0]!.byteLength).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength)
  })
})
