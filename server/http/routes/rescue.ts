import { EPOCH_PARAM, parseClientEpoch } from '../../../shared/board/boardEpoch'
import type { CloseReason } from '../../../shared/closeCodes'
import { applyRescued, RESCUE_ORIGIN } from '../../sync/epochs/applyRescued'
import { rescuedChanges } from '../../sync/epochs/rescuedChanges'
import { authorizeBoardWriter, costOf, withBoardDoc } from '../boardAccess'
import { HttpError, readBodyBytes, sendJson } from '../respond'
import type { Route } from '../Route'

/** The HTTP answer to a copy the UpdateGate refused, as the socket would have closed it. */
const REFUSAL_STATUS: Partial<Record<CloseReason, [number, string]>> = {
  writeForbidden: [403, 'forbidden'],
  inputPaused: [423, 'input_paused'],
  docTooLarge: [413, 'board_full'],
}

/**
 * POST /api/boards/:id/rescue?epoch=N with a client's whole copy of epoch N (a Yjs update) as
 * the body: what the copy holds beyond epoch N's final doc, its offline edits, is written into
 * the board as it is now (server/sync/epochs). Answers how many records it changed; 410 if
 * epoch N is no longer kept (or is the current one, which syncs over the socket instead).
 */
export const rescueRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/boards\/([^/]*)\/rescue$/,
    async handle({ req, res, url, params, context }) {
      const id = params[0]!
      const writer = await authorizeBoardWriter(req, context, id)
      const epoch = parseClientEpoch(url.searchParams.get(EPOCH_PARAM) ?? '')
      if (typeof epoch !== 'number') {
        throw new HttpError(400, 'invalid_epoch', 'name the epoch of the copy as ?epoch=N')
      }
      const copy = await readBodyBytes(req, context.config.maxDocBytes)
      if (copy.byteLength === 0) throw new HttpError(400, 'empty_body', 'send the copy as the body')
      const base = await context.storage.epochBase(id, epoch)
      if (!base) {
        context.log.warn({ room: id, epoch, reason: 'epochGone' }, 'rescue refused')
        throw new HttpError(410, 'epoch_gone', `epoch ${epoch} of this board is no longer kept`)
      }
      const verdict = rescuedChanges(base, copy, writer, context.config.maxRecordsPerBoard)
      if (!verdict.ok) {
        context.log.warn({ room: id, epoch, reason: verdict.reason }, 'rescue refused')
        const [status, code] = REFUSAL_STATUS[verdict.reason] ?? [400, 'invalid_copy']
        throw new HttpError(status, code, verdict.detail)
      }
      const { records } = verdict.changes
      const created = records.filter((change) => !change.before).length
      const rescued = await withBoardDoc(
        context,
        id,
        (doc) => applyRescued(doc, verdict.changes),
        costOf(created, Buffer.byteLength(JSON.stringify(records.map((change) => change.after)))),
      )
      context.log.info({ room: id, epoch, rescued, origin: RESCUE_ORIGIN }, 'offline edits rescued')
      sendJson(res, 200, { rescued })
    },
  },
]
