import { createTLSchema } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord, readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { PAGE_ID } from '../../shared/board/shapeRecords'
import { computeOutcome, factorText, isCluster, type Rect } from '../../shared/factors'
import {
  addFactor,
  editFactorText,
  importFactors,
  moveFactor,
  renameCluster,
  setFactorPolarity,
} from '../../shared/factors/factorOps'
import { containsRect, intersects } from '../../shared/factors/rect'
import { meta } from '../../shared/factors/recordFields'
import { localBounds, pageBounds, recordsById } from '../../shared/factors/shapeBounds'
import { findBuiltInTemplate, findUnsortedArea } from '../../shared/templates'
import { idCounter } from './factorFixture'

const schema = createTLSchema()

function boardFrom(templateId: string) {
  const doc = new Y.Doc()
  const shapes = findBuiltInTemplate(templateId)!.build({ language: 'sv', newId: idCounter() })
  writeRecords(doc, shapes)
  return doc
}

const newId = idCounter('shape:note')

function add(
  doc: Y.Doc,
  text: string,
  options: { clusterId?: string; polarity?: 'enabling' } = {},
) {
  return addFactor(doc, {
    text,
    polarity: options.polarity ?? 'hindering',
    clusterId: options.clusterId,
    author: 'Anna',
    now: 1000,
    newId,
  })
}

function clusters(doc: Y.Doc) {
  return readRecords(doc).filter(isCluster)
}

function frameRect(frame: RecordJson): Rect {
  const { w, h } = frame.props as { w: number; h: number }
  return { x: 0, y: 0, w, h }
}

function notesIn(doc: Y.Doc, parentId: string) {
  return readRecords(doc).filter((r) => r.type === 'note' && r.parentId === parentId)
}

function transactionsDuring(doc: Y.Doc, change: () => void) {
  let count = 0
  const count1 = () => count++
  doc.on('afterTransaction', count1)
  change()
  doc.off('afterTransaction', count1)
  return count
}

function expectNoOverlap(rects: Rect[]) {
  rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(intersects(a, b)).toBe(false)))
}

describe('factor operations on the board doc', () => {
  it('adds an unsorted factor into the unsorted area, coloured and stamped, in one transaction', () => {
    const doc = boardFrom('hindering-enabling')
    const area = findUnsortedArea(readRecords(doc))
    let id = ''
    expect(transactionsDuring(doc, () => (id = add(doc, 'Otydligt mandat')))).toBe(1)
    const note = readRecord(doc, id)!
    expect(() => schema.types.shape.validate(note)).not.toThrow()
    expect(note.parentId).toBe(PAGE_ID)
    expect(containsRect(area, pageBounds(note, recordsById(readRecords(doc))))).toBe(true)
    expect(note.meta).toEqual({ polarity: 'hindering', author: 'Anna', createdAt: 1000 })
    expect((note.props as { color: string }).color).toBe('light-red')
    expect(computeOutcome(readRecords(doc)).unsorted.map((f) => f.text)).toEqual([
      'Otydligt mandat',
    ])
  })

  it('places factors added to a cluster inside its frame, relative to it, without overlap', () => {
    const doc = boardFrom('design-process')
    const frame = clusters(doc)[0]!
    for (let i = 0; i < 6; i++) add(doc, `Faktor ${i}`, { clusterId: frame.id })
    const notes = notesIn(doc, frame.id)
    expect(notes).toHaveLength(6)
    for (const note of notes) expect(containsRect(frameRect(frame), localBounds(note))).toBe(true)
    expectNoOverlap(notes.map(localBounds))
  })

  it('re-flows a full cluster so every note stays inside the frame', () => {
    const doc = boardFrom('design-process')
    const frame = clusters(doc)[0]!
    for (let i = 0; i < 30; i++) add(doc, `Faktor ${i}`, { clusterId: frame.id })
    const notes = notesIn(doc, frame.id)
    expect(notes).toHaveLength(30)
    for (const note of notes) expect(containsRect(frameRect(frame), localBounds(note))).toBe(true)
    expectNoOverlap(notes.map(localBounds))
  })

  it('edits a factor text from plain text', () => {
    const doc = boardFrom('blank')
    const id = add(doc, 'Före')
    editFactorText(doc, id, 'Efter\nandra raden')
    expect(factorText(readRecord(doc, id)!)).toBe('Efter\nandra raden')
  })

  it('sets polarity and colour, and moves the note to its half in a key-area cluster', () => {
    const doc = boardFrom('key-areas')
    const frame = clusters(doc)[0]!
    const id = add(doc, 'Chefer som går före', { clusterId: frame.id })
    const halves = readRecords(doc).filter((r) => r.parentId === frame.id && r.type === 'geo')
    const half = (side: string) => localBounds(halves.find((h) => meta(h).area === side)!)
    expect(containsRect(half('hindering'), localBounds(readRecord(doc, id)!))).toBe(true)

    expect(transactionsDuring(doc, () => setFactorPolarity(doc, id, 'enabling'))).toBe(1)
    const note = readRecord(doc, id)!
    expect(meta(note).polarity).toBe('enabling')
    expect((note.props as { color: string }).color).toBe('light-green')
    expect(note.parentId).toBe(frame.id)
    expect(containsRect(half('enabling'), localBounds(note))).toBe(true)
  })

  it('moves a factor between clusters keeping exactly one parent, with coordinates relative to the new frame', () => {
    const doc = boardFrom('design-process')
    const [first, second] = clusters(doc)
    const id = add(doc, 'Flyttas', { clusterId: first!.id })
    moveFactor(doc, id, second!.id)
    const note = readRecord(doc, id)!
    expect(note.parentId).toBe(second!.id)
    expect(containsRect(frameRect(second!), localBounds(note))).toBe(true)
    const outcome = computeOutcome(readRecords(doc))
    const holding = outcome.clusters.filter((c) => c.hindering.some((f) => f.id === id))
    expect(holding.map((c) => c.id)).toEqual([second!.id])
    expect(outcome.unsorted).toEqual([])
  })

  it('moves a factor out of a cluster into the unsorted area, in page coordinates', () => {
    const doc = boardFrom('key-areas')
    const frame = clusters(doc)[3]!
    const id = add(doc, 'Tillbaka', { clusterId: frame.id })
    moveFactor(doc, id, undefined)
    const records = readRecords(doc)
    const note = readRecord(doc, id)!
    expect(note.parentId).toBe(PAGE_ID)
    expect(containsRect(findUnsortedArea(records), localBounds(note))).toBe(true)
    expect(computeOutcome(records).unsorted.map((f) => f.id)).toEqual([id])
  })

  it('renames a cluster', () => {
    const doc = boardFrom('design-process')
    const frame = clusters(doc)[1]!
    renameCluster(doc, frame.id, 'Samskapande')
    expect(computeOutcome(readRecords(doc)).clusters[1]!.name).toBe('Samskapande')
  })

  it('refuses to change a shape that is not a factor or cluster', () => {
    const doc = boardFrom('design-process')
    const frame = clusters(doc)[0]!
    expect(() => editFactorText(doc, frame.id, 'x')).toThrow(/no such shape/)
    expect(() => renameCluster(doc, 'shape:missing', 'x')).toThrow(/no such shape/)
  })

  it('imports factors in one transaction, creating named clusters that are missing', () => {
    const doc = boardFrom('hindering-enabling')
    let imported = 0
    const transactions = transactionsDuring(doc, () => {
      imported = importFactors(
        doc,
        [
          { text: 'A', polarity: 'enabling' },
          { text: 'B', polarity: 'hindering', cluster: 'Ledarskap' },
        ],
        { now: 5, newId },
      )
    })
    expect(transactions).toBe(1)
    expect(imported).toBe(2)
    const outcome = computeOutcome(readRecords(doc))
    const clusters = outcome.clusters.filter((c) => !c.side)
    expect(clusters.map((c) => [c.name, c.hindering.length])).toEqual([['Ledarskap', 1]])
    expect(outcome.unsorted.map((f) => f.text)).toEqual(['A'])
  })
})
