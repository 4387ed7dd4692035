import * as Y from 'yjs'
import { recordsMap } from '../../shared/board/boardDoc'
import { EPOCH_PARAM, readEpoch } from '../../shared/board/boardEpoch'

/**
 * What became of this browser's copy of a board the server rebuilt (shared/board/boardEpoch):
 * - `rescued`: the server took in what the copy held beyond the old epoch (`records` changed);
 * - `dropped`: the server cannot take it (the epoch is no longer kept, or this role may not
 *   write), so the copy's unsent edits are lost;
 * - `later`: the server could not be asked (offline, paused input, a server error): keep the
 *   copy and try again.
 */
export type Handover =
  { kind: 'rescued'; records: number } | { kind: 'dropped'; status: number } | { kind: 'later' }

/** A doc that changes while its copy is on the way is sent again, at most this often. */
const MAX_ROUNDS = 3

/** Answers after which asking again later may work; any other refusal is for good. */
const TRY_AGAIN = new Set([408, 423, 429, 500, 502, 503, 504])

/**
 * Hands the whole copy to the server's rescue (POST /api/boards/:id/rescue), which keeps only
 * what the server lacks. Sent again while the doc changed meanwhile, so an edit made while the
 * copy was on its way is not left behind; the caller drops the copy at once after.
 */
export async function handOverCopy(
  doc: Y.Doc,
  boardId: string,
  params: Record<string, string>,
): Promise<Handover> {
  if (recordsMap(doc).size === 0) return { kind: 'rescued', records: 0 }
  const query = new URLSearchParams({ ...params, [EPOCH_PARAM]: String(readEpoch(doc)) })
  const path = `/api/boards/${encodeURIComponent(boardId)}/rescue?${query.toString()}`
  let records = 0
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sent = Y.encodeStateVector(doc)
    let response: Response
    try {
      response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: Y.encodeStateAsUpdate(doc) as Uint8Array<ArrayBuffer>,
      })
    } catch {
      return { kind: 'later' }
    }
    if (TRY_AGAIN.has(response.status)) return { kind: 'later' }
    if (!response.ok) return { kind: 'dropped', status: response.status }
    records += ((await response.json()) as { rescued: number }).rescued
    if (sameState(sent, Y.encodeStateVector(doc))) break
  }
  return { kind: 'rescued', records }
}

function sameState(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}
