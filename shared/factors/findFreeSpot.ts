import { intersects, type Rect } from './rect'

/** Space kept between a new shape and those around it; room for a frame's name above it. */
export const FREE_SPOT_GAP = 120
/** Fine enough to find a hole between frames laid out by hand. */
const SCAN_STEP = 40

/**
 * A top-left corner where a `size` rectangle overlaps none of `occupied` (with a gap), near
 * `origin`. Scans the board's bounds row by row, left to right, so new clusters fill holes
 * in a grid of frames before the board grows; when there is none, the spot is below everything.
 */
export function findFreeSpot(
  occupied: readonly Rect[],
  size: { w: number; h: number },
  origin: { x: number; y: number },
): { x: number; y: number } {
  const padded = occupied.map((rect) => ({
    x: rect.x - FREE_SPOT_GAP,
    y: rect.y - FREE_SPOT_GAP,
    w: rect.w + 2 * FREE_SPOT_GAP,
    h: rect.h + 2 * FREE_SPOT_GAP,
  }))
  const right = Math.max(origin.x, ...occupied.map((rect) => rect.x + rect.w))
  const bottom = Math.max(origin.y, ...occupied.map((rect) => rect.y + rect.h))
  for (let y = origin.y; y + size.h <= bottom; y += SCAN_STEP) {
    for (let x = origin.x; x + size.w <= right; x += SCAN_STEP) {
      const candidate = { x, y, ...size }
      if (!padded.some((rect) => intersects(rect, candidate))) return { x, y }
    }
  }
  return { x: origin.x, y: occupied.length === 0 ? origin.y : bottom + FREE_SPOT_GAP }
}
