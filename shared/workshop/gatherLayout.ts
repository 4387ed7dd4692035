import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import type { RecordJson } from '../board/boardDoc'
import { frameShape, noteShape, type Colour } from '../board/shapeRecords'
import { NOTE_SIZE, shapeSize } from '../factors/shapeBounds'
import { meta, numberOr, parentIdOf, props, shapeType } from '../factors/recordFields'
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
  const note = noteShape(
    { id, parentId: frameId, index, ...noteSlot(polarity, slot) },
    { text, color: POLARITY_COLOUR[polarity] },
  )
  return { ...note, props: { ...props(note), growY: estimateGrowY(text) } }
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

/** A gathered entry's polarity column: its meta says; a note without one goes by where it is. */
function columnOf(note: RecordJson, splitX: number): SynthesisPolarity {
  const polarity = meta(note).polarity
  if (polarity === 'hindering' || polarity === 'enabling') return polarity
  return numberOr(note.x, 0) < splitX ? 'hindering' : 'enabling'
}

/**
 * Lays out a key-area frame of the plenary by its notes' real sizes (a note grows with its
 * text and its "named by" line): each polarity's notes stacked in their column in their
 * current top-to-bottom order, the columns as wide as their widest note, and the frame grown
 * to hold them all. Nothing overlaps and nothing leaves the frame. Returns the records that
 * change, the frame included when it grows.
 */
export function stackGatherFrame(frame: RecordJson, children: readonly RecordJson[]): RecordJson[] {
  const notes = children.filter(
    (child) => parentIdOf(child) === frame.id && shapeType(child) === 'note',
  )
  const splitX = GAP + NOTE_SIZE + GAP / 2
  const columns: Record<SynthesisPolarity, RecordJson[]> = { hindering: [], enabling: [] }
  for (const note of notes) columns[columnOf(note, splitX)].push(note)
  const changed: RecordJson[] = []
  let x = GAP
  let bottom = HEADER + ROW
  for (const polarity of SYNTHESIS_COLUMNS) {
    const column = columns[polarity].sort(
      (a, b) => numberOr(a.y, 0) - numberOr(b.y, 0) || (a.id < b.id ? -1 : 1),
    )
    let y = HEADER
    let width = NOTE_SIZE
    for (const note of column) {
      const size = shapeSize(note)
      if (numberOr(note.x, 0) !== x || numberOr(note.y, 0) !== y) changed.push({ ...note, x, y })
      y += size.h + GAP
      width = Math.max(width, size.w)
    }
    bottom = Math.max(bottom, y)
    x += width + GAP
  }
  const p = props(frame)
  const w = Math.max(numberOr(p.w, 0), x)
  const h = Math.max(numberOr(p.h, 0), bottom)
  if (w !== numberOr(p.w, 0) || h !== numberOr(p.h, 0))
    changed.push({ ...frame, props: { ...p, w, h } })
  return changed
}

const SYNTHESIS_COLUMNS: readonly SynthesisPolarity[] = ['hindering', 'enabling']

/** Characters that fit on a line of a note at scale 1, and a line's height, as tldraw draws it. */
const CHARS_PER_LINE = 14
const LINE_HEIGHT = 30
const NOTE_PADDING = 26

/**
 * How much a note grows below its square to show `text`, estimated from its lines. Browsers
 * measure the real growth when the note arrives and lay the frame out again; the estimate
 * keeps the first layout close, for a board read before any browser opened it.
 */
export function estimateGrowY(text: string): number {
  const lines = text
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0)
  return Math.max(0, lines * LINE_HEIGHT + 2 * NOTE_PADDING - NOTE_SIZE)
}
