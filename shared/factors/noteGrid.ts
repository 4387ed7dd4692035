import { intersects, type Rect } from './rect'
import { NOTE_SIZE } from './shapeBounds'

/** Space between notes at scale 1; it shrinks with the notes. */
export const NOTE_GAP = 20
/** Below this, text on a note is unreadable even zoomed in; such grids overflow instead. */
export const MIN_NOTE_SCALE = 0.1

export interface NoteGrid {
  /** Top-left corners, row by row. */
  cells: { x: number; y: number }[]
  /** The tldraw note scale that lets all cells fit. */
  scale: number
}

/** Largest scale (at most 1) at which `count` notes fit in `rect` as `columns` columns. */
function scaleForColumns(rect: Rect, count: number, columns: number): number {
  const rows = Math.ceil(count / columns)
  const byWidth = rect.w / (columns * NOTE_SIZE + (columns - 1) * NOTE_GAP)
  const byHeight = rect.h / (rows * NOTE_SIZE + (rows - 1) * NOTE_GAP)
  return Math.min(1, byWidth, byHeight)
}

/**
 * Places `count` notes in a grid inside `rect`, at full size when they fit and shrunk just
 * enough when they do not, so an import never spills outside its area. Scales are rounded
 * down to a thousandth so rounding never pushes a note over the edge.
 */
export function noteGrid(rect: Rect, count: number): NoteGrid {
  if (count === 0) return { cells: [], scale: 1 }
  let best = { columns: 1, scale: 0 }
  for (let columns = 1; columns <= count; columns++) {
    const scale = scaleForColumns(rect, count, columns)
    if (scale > best.scale) best = { columns, scale }
  }
  const scale = Math.max(MIN_NOTE_SCALE, Math.floor(best.scale * 1000) / 1000)
  const step = (NOTE_SIZE + NOTE_GAP) * scale
  const cells = Array.from({ length: count }, (_, i) => ({
    x: rect.x + (i % best.columns) * step,
    y: rect.y + Math.floor(i / best.columns) * step,
  }))
  return { cells, scale }
}

/**
 * The part of `rect` below the shapes already in it, so new notes do not cover old ones.
 * When almost nothing is left, the part reaches down past the rect: better outside the
 * area than on top of someone's note.
 */
export function freeBand(rect: Rect, occupied: readonly Rect[]): Rect {
  const inside = occupied.filter((other) => intersects(rect, other))
  if (inside.length === 0) return rect
  const top = Math.max(...inside.map((other) => other.y + other.h)) + NOTE_GAP
  const left = rect.y + rect.h - top
  if (left >= NOTE_SIZE / 2) return { x: rect.x, y: top, w: rect.w, h: left }
  return { x: rect.x, y: top, w: rect.w, h: Number.POSITIVE_INFINITY }
}
