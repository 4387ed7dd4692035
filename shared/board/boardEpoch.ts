import type * as Y from 'yjs'
import { metaMap } from './boardDoc'

/**
 * A board's epoch counts how often the server rebuilt its doc from its records, dropping the
 * history a long day leaves behind (server/sync/epochs). A rebuilt doc shares no Yjs items
 * with the doc before, so a browser's copy of an older epoch must never be merged into it: a
 * client names the epoch of its copy when it connects, and the server refuses an older one
 * (close code `epochChanged`). Such a client hands in what it wrote offline (POST
 * /api/boards/:id/rescue), drops its copy and loads the board afresh.
 */

/** The query parameter a client names its copy's epoch with. */
export const EPOCH_PARAM = 'epoch'

/** The parameter's value for a client that holds no copy of the board yet. */
export const NO_COPY = 'none'

/** The epoch a doc was rebuilt into; a doc never rebuilt (every board before this) is 0. */
export function readEpoch(doc: Y.Doc): number {
  const epoch = metaMap(doc).get('epoch')
  return typeof epoch === 'number' && Number.isSafeInteger(epoch) && epoch > 0 ? epoch : 0
}

/**
 * What a client's parameter says: a number, `none` (no copy, any epoch will do), or, from a
 * client of the release before epochs (no parameter), 0. Undefined for anything else.
 */
export function parseClientEpoch(param: string | null): number | 'none' | undefined {
  if (param === null) return 0
  if (param === NO_COPY) return 'none'
  if (!/^\d{1,9}$/.test(param)) return undefined
  return Number(param)
}
