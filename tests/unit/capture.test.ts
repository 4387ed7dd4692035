import { createTLSchema } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { captureLabel, currentStepTitle } from '../../shared/capture/captureLabel'
import { captureRecords, type CaptureToPlace } from '../../shared/capture/captureRecords'
import { placeCapturesInDoc } from '../../shared/capture/placeCapturesInDoc'

const schema = createTLSchema()

function capture(label: string, width = 1200, height = 800): CaptureToPlace {
  return {
    src: '/api/assets/abc',
    width,
    height,
    label,
    altText: `Bild av ${label}`,
    sourceUrl: 'http://localhost:8080/b/source',
    meta: { captureOf: 'source', captureLabel: label, capturedAt: 1 },
  }
}

function counter() {
  let n = 0
  return (kind: 'shape' | 'asset') => `${kind}:c${++n}`
}

const frames = (records: RecordJson[]) =>
  records.filter((record) => record.typeName === 'shape' && record.type === 'frame')

describe('capture labels', () => {
  it('names the group, the cluster and the running step, then the time', () => {
    expect(captureLabel({ board: 'Grupp 2', time: '10:42' })).toBe('Grupp 2 · 10:42')
    expect(
      captureLabel({ board: 'Grupp 2', cluster: 'Ledarskap', step: 'Sortera', time: '10:42' }),
    ).toBe('Grupp 2 · Ledarskap · Sortera · 10:42')
    expect(captureLabel({ board: 'Plenum', cluster: ' ', step: '', time: '11:00' })).toBe(
      'Plenum · 11:00',
    )
  })

  it('takes the step the day is on, and none before the first step or without an agenda', () => {
    const agenda = [
      { id: 'a', title: 'Inledning', minutes: 5, mode: 'none' as const },
      { id: 'b', title: 'Sortera', minutes: 20, mode: 'none' as const },
    ]
    expect(currentStepTitle({ agenda, currentStepId: 'b' })).toBe('Sortera')
    expect(currentStepTitle({ agenda, currentStepId: null })).toBeUndefined()
    expect(currentStepTitle({ agenda: [], currentStepId: 'gone' })).toBeUndefined()
    expect(currentStepTitle(undefined)).toBeUndefined()
  })
})

describe('capture records', () => {
  it('builds a locked frame and image per capture that tldraw validates, three to a row', () => {
    const records = captureRecords(
      ['A', 'B', 'C', 'D'].map((label) => capture(label)),
      { occupied: undefined, topIndex: undefined, newId: counter() },
    )
    for (const record of records) {
      const type = record.typeName === 'asset' ? schema.types.asset : schema.types.shape
      expect(() => type.validate(record)).not.toThrow()
    }
    const placed = frames(records)
    expect(placed.map((frame) => (frame.props as { name: string }).name)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ])
    expect(records.filter((record) => record.typeName === 'shape').every((s) => s.isLocked)).toBe(
      true,
    )
    const [a, b, c, d] = placed as [RecordJson, RecordJson, RecordJson, RecordJson]
    expect([a.y, b.y, c.y]).toEqual([0, 0, 0])
    expect(d.y as number).toBeGreaterThan((a.props as { h: number }).h)
    const indices = placed.map((frame) => frame.index as string)
    expect([...indices].sort()).toEqual(indices)
  })

  it('places them below and on top of what a board holds, in one transaction', () => {
    const doc = new Y.Doc()
    writeRecords(doc, [
      noteShape({ id: 'shape:n', x: 100, y: 300, index: 'a5' }, { text: 'x', color: 'yellow' }),
    ])
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const [frameId] = placeCapturesInDoc(doc, [capture('Idéer · 10:42')], counter())
    expect(transactions).toBe(1)
    const frame = readRecords(doc).find((record) => record.id === frameId)!
    expect(frame.x).toBe(100)
    expect(frame.y as number).toBeGreaterThanOrEqual(500)
    expect((frame.index as string) > 'a5').toBe(true)
    const image = readRecords(doc).find((record) => record.parentId === frameId)!
    expect(image.props).toMatchObject({ url: 'http://localhost:8080/b/source', w: 640, h: 427 })
  })
})
