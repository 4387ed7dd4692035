/**
 * How many records (notes, shapes, arrows, bindings, pages …) one board may hold: the server
 * refuses any write past it (MAX_RECORDS_PER_BOARD), and the client checks the same rule
 * before it writes, so a person hears why instead of being disconnected.
 */
export const DEFAULT_MAX_RECORDS_PER_BOARD = 5000

/**
 * Whether a write that takes a board from `before` to `after` records breaks the limit. A
 * board already past it (stored before the limit existed, or under a higher one) still opens
 * and may shrink or change; it only takes nothing new.
 */
export function addsPastRecordLimit(before: number, after: number, maxRecords: number): boolean {
  return after > maxRecords && after > before
}
