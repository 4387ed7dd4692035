import fc from 'fast-check'
import type * as Y from 'yjs'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { frameShape, noteShape, richText, type Colour } from '../../shared/board/shapeRecords'

/** What a person does to a board in a convergence case; `client` and `pick` wrap around. */
export type BoardOp =
  | { kind: 'create'; client: number; x: number; y: number; color: Colour; text: string }
  | { kind: 'frame'; client: number; x: number; y: number }
  | { kind: 'move'; client: number; pick: number; x: number; y: number }
  | { kind: 'text'; client: number; pick: number; text: string }
  | { kind: 'colour'; client: number; pick: number; color: Colour }
  | { kind: 'delete'; client: number; pick: number }
  | { kind: 'reparent'; client: number; pick: number; frame: number }

export type FaultOp =
  | BoardOp
  | { kind: 'disconnect'; client: number }
  | { kind: 'connect'; client: number }
  | { kind: 'restart' }
  | { kind: 'pause'; ms: number }

const colours: Colour[] = ['yellow', 'green', 'light-red', 'blue', 'violet', 'orange']
const client = fc.nat(9)
const pick = fc.nat(20)
const coordinate = fc.integer({ min: -2000, max: 2000 })
const colour = fc.constantFrom(...colours)
const text = fc.string({ maxLength: 60, unit: 'grapheme' })

export const boardOp: fc.Arbitrary<BoardOp> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      client,
      x: coordinate,
      y: coordinate,
      color: colour,
      text,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('frame' as const),
      client,
      x: coordinate,
      y: coordinate,
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      client,
      pick,
      x: coordinate,
      y: coordinate,
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('text' as const), client, pick, text }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant('colour' as const), client, pick, color: colour }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), client, pick }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('reparent' as const), client, pick, frame: pick }),
    weight: 2,
  },
)

export const faultOp: fc.Arbitrary<FaultOp> = fc.oneof(
  { arbitrary: boardOp, weight: 12 },
  { arbitrary: fc.record({ kind: fc.constant('disconnect' as const), client }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('connect' as const), client }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('restart' as const) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('pause' as const),
      ms: fc.integer({ min: 0, max: 40 }),
    }),
    weight: 2,
  },
)

function shapesOfType(doc: Y.Doc, type: string): RecordJson[] {
  return readRecords(doc)
    .filter((record) => record.typeName === 'shape' && record.type === type)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
}

function edit(doc: Y.Doc, index: number, change: (note: RecordJson) => RecordJson) {
  const notes = shapesOfType(doc, 'note')
  const note = notes[index % Math.max(notes.length, 1)]
  if (note) doc.transact(() => writeRecords(doc, [change(note)]))
}

/** Applies one board operation to a client's doc through the board doc layout. */
export function applyBoardOp(doc: Y.Doc, op: BoardOp, newId: () => string) {
  // A valid fractional index: the fraction must not end in 0.
  const index = `1${readRecords(doc).length.toString(36)}V`
  switch (op.kind) {
    case 'create': {
      const note = noteShape({ id: newId(), x: op.x, y: op.y, index: `a${index}` }, op)
      return doc.transact(() => writeRecords(doc, [note]))
    }
    case 'frame': {
      const placement = { id: newId(), x: op.x, y: op.y, index: `a${index}` }
      const frame = frameShape(placement, { w: 600, h: 400, name: 'Kluster', color: 'black' })
      return doc.transact(() => writeRecords(doc, [frame]))
    }
    case 'move':
      return edit(doc, op.pick, (note) => ({ ...note, x: op.x, y: op.y }))
    case 'text':
      return edit(doc, op.pick, (note) => withProps(note, { richText: richText(op.text) }))
    case 'colour':
      return edit(doc, op.pick, (note) => withProps(note, { color: op.color }))
    case 'reparent': {
      const frames = shapesOfType(doc, 'frame')
      const frame = frames[op.frame % Math.max(frames.length, 1)]
      if (!frame) return
      return edit(doc, op.pick, (note) => ({ ...note, parentId: frame.id }))
    }
    case 'delete': {
      const notes = shapesOfType(doc, 'note')
      const note = notes[op.pick % Math.max(notes.length, 1)]
      if (note) doc.transact(() => writeRecords(doc, [], [note.id]))
    }
  }
}

function withProps(record: RecordJson, props: RecordJson['props']): RecordJson {
  return { ...record, props: { ...(record.props as object), ...(props as object) } }
}
