import { FRAME_PADDING } from './clusterSections'
import { NOTE_GAP } from './noteGrid'
import { NOTE_SIZE } from './shapeBounds'

const COLUMNS = 4
/** Wide enough that a typical cluster name shows in full above the frame. */
const MIN_WIDTH = 2 * NOTE_SIZE + NOTE_GAP + 2 * FRAME_PADDING

/** A new cluster frame just big enough for its notes at full size, four to a row. */
export function newClusterSize(noteCount: number): { w: number; h: number } {
  const columns = Math.max(1, Math.min(COLUMNS, noteCount))
  const rows = Math.max(1, Math.ceil(noteCount / COLUMNS))
  const span = (n: number) => n * NOTE_SIZE + (n - 1) * NOTE_GAP + 2 * FRAME_PADDING
  return { w: Math.max(MIN_WIDTH, span(columns)), h: span(rows) }
}
