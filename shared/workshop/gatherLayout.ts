import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import type { RecordJson } from '../board/boardDoc'
import { frameShape, noteShape, type Colour } from '../board/shapeRecords'
import { NOTE_SIZE } from '../factors/shapeBounds'
import { numberOr, parentIdOf, props } from '../factors/recordFields'
import type { SynthesisPolarity } from './synthesis'

/** A key-area frame holds two columns: hindering left, enabling right. */
const GAP = 20
const HEADER = 40
const ROW = NOTE_SIZE + GAP
export const FRAME_WIDTH = 2 * NOTE_SIZE + 3 * GAP
const FRAME_SPACING = 60
const COLUMN: Record<SynthesisPolarity, number> = { hindering: 0, enabling: 1 }
export const POLARITY_COLOUR: Record<SynthesisPolarity, Colour> = {
  hindering: 'light-red',
  enabling: 'light-green',
}

/** Right of every shape on the page, so a new frame never covers the facilitator's work. */
export function nextFrameX(records: readonly RecordJson[]): number {
  let right = -FRAME_SPACING
  for (const record of records) {
    if (record.typeName !== 'shape' || parentIdOf(record) !== 'page:page') continue
    const w = numberOr(props(record).w, NOTE_SIZE)
    right = Math.max(right, numberOr(record.x, 0) + w)
  }
  return right + FRAME_SPACING
}

export function keyAreaFrame(id: string, name: string, x: number, index: string): RecordJson {
  return frameShape(
    { id, x, y: 0, index, meta: { kind: 'cluster' } },
    { w: FRAME_WIDTH, h: HEADER + ROW, name, color: 'black' },
  )
}

/** Where the `slot`-th note of a polarity sits inside its frame. */
export function noteSlot(polarity: SynthesisPolarity, slot: number) {
  return { x: GAP + COLUMN[polarity] * (NOTE_SIZE + GAP), y: HEADER + slot * ROW }
}

/** The row a note at `y` inside its frame sits in. */
export function slotAt(y: number): number {
  return Math.max(0, Math.round((y - HEADER) / ROW))
}

/** The frame height that fits `slots` rows of notes. */
export function frameHeightFor(slots: number): number {
  return HEADER + Math.max(1, slots) * ROW
}

/** The first row below every note in a polarity's column of a frame. */
export function freeSlot(
  records: readonly RecordJson[],
  frameId: string,
  polarity: SynthesisPolarity,
): number {
  const column = noteSlot(polarity, 0).x
  return records
    .filter((r) => parentIdOf(r) === frameId && Math.abs(numberOr(r.x, -1) - column) < 1)
    .reduce((max, r) => Math.max(max, slotAt(numberOr(r.y, 0)) + 1), 0)
}

export function entryNote(
  id: string,
  frameId: string,
  polarity: SynthesisPolarity,
  slot: number,
  text: string,
  index: string,
): RecordJson {
  return noteShape(
    { id, parentId: frameId, index, ...noteSlot(polarity, slot) },
    { text, color: POLARITY_COLOUR[polarity] },
  )
}

/** Fractional indices above every shape, so new shapes stack on top. */
export function indicesAbove(records: readonly RecordJson[], count: number): () => string {
  let top: string | undefined
  for (const record of records) {
    if (record.typeName !== 'shape' || typeof record.index !== 'string') continue
    if (!top || record.index > top) top = record.index
  }
  const indices = getIndicesAbove(top as IndexKey | undefined, count).values()
  return () => indices.next().value as string
}
