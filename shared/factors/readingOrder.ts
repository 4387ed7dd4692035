import type { Rect } from './rect'

/**
 * Sorts items the way a reader scans a board: row by row from the top, left to right within
 * a row. Items belong to one row when they start above the middle of the row's first item,
 * so a grid whose cells are a few pixels out of line still reads as a grid.
 */
export function readingOrder<T>(items: readonly T[], boundsOf: (item: T) => Rect): T[] {
  const byTop = items
    .map((item) => ({ item, bounds: boundsOf(item) }))
    .sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
  const ordered: T[] = []
  let start = 0
  while (start < byTop.length) {
    const first = byTop[start]!.bounds
    const rowEnd = first.y + Math.max(first.h / 2, 1)
    let end = start + 1
    while (end < byTop.length && byTop[end]!.bounds.y < rowEnd) end++
    const row = byTop.slice(start, end).sort((a, b) => a.bounds.x - b.bounds.x)
    ordered.push(...row.map((entry) => entry.item))
    start = end
  }
  return ordered
}
