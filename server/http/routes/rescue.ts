import { EPOCH_PARAM, parseClientEpoch } from '../../../shared/board/boardEpoch'
import type { CloseReason } from '../../../shared/closeCodes'
import { applyRescued, RESCUE_ORIGIN } from '../../sync/epochs/applyRescued'
import { rescuedChanges } from '../../sync/epochs/rescuedChanges'
import { authorizeBoardWriter, costOf, withBoardDoc } from '../boardAccess'
import { HttpError, readBodyBytes, sendJson } from '../respond'
import type { Route, RouteRequest } from '../Route'

/** The HTTP answer to a copy the UpdateGate refused, as the socket would have closed it. */
const REFUSAL_STATUS: Partial<Record<CloseReason, [number, string]>> = {
  writeForbidden: [403, 'forbidden'],
  inputPaused: [423, 'input_paused'],
  docTooLarge: [413, 'board_full'],
}

/** What a client waits before handing its copy in again when every rescue place is taken. */
const BUSY_RETRY_SECONDS = 10

/**
 * POST /api/boards/:id/rescue?epoch=N with a client's whole copy of epoch N (a Yjs update) as
 * the body: what the copy holds beyond epoch N's final doc, its offline edits, is written into
 * the board as it is now (server/sync/epochs). Answers how many records it changed; 410 if
 * epoch N is no longer kept (or is the current one, which syncs over the socket instead).
 * Every refusal is logged with the room and its reason: a browser hands its copy in without
 * the person, so the log is where a lost copy shows.
 */
export const rescueRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/boards\/([^/]*)\/rescue$/,
    async handle(args) {
      const room = args.params[0]!
      try {
        await rescue(args, room)
      } catch (error) {
        if (error instanceof HttpError) {
          const reason = error instanceof RescueRefusal ? error.reason : error.code
          args.context.log.warn({ room, status: error.status, reason }, 'rescue refused')
        }
        throw error
      }
    },
  },
]

/** A refusal whose reason for the log is more precise than its HTTP code. */
class RescueRefusal extends HttpError {
  constructor(
    readonly reason: string,
    ...args: ConstructorParameters<typeof HttpError>
  ) {
    super(...args)
  }
}

async function rescue({ req, res, url, context }: RouteRequest, id: string) {
  const writer = await authorizeBoardWriter(req, context, id)
  const epoch = parseClientEpoch(url.searchParams.get(EPOCH_PARAM) ?? '')
  if (typeof epoch !== 'number') {
    throw new HttpError(400, 'invalid_epoch', 'name the epoch of the copy as ?epoch=N')
  }
  // Both limits come before the body is read: a refused copy is never held in memory.
  const release = context.limits.rescueSlot()
  if (!release) {
    const message = 'the server is taking in other copies; try again shortly'
    throw new RescueRefusal('rescueBusy', 503, 'rescue_busy', message, BUSY_RETRY_SECONDS)
  }
  try {
    const wait = await context.limits.rescue(req, id, writer.participantId)
    if (wait !== undefined) {
      const message = 'too many copies handed in; try again later'
      throw new RescueRefusal('rateLimited', 429, 'too_many_rescues', message, wait)
    }
    const copy = await readBodyBytes(req, context.config.maxDocBytes)
    if (copy.byteLength === 0) throw new HttpError(400, 'empty_body', 'send the copy as the body')
    const base = await context.storage.epochBase(id, epoch)
    if (!base) {
      const message = `epoch ${epoch} of this board is no longer kept`
      throw new RescueRefusal('epochGone', 410, 'epoch_gone', message)
    }
    const verdict = rescuedChanges(base, copy, writer.context, context.config.maxRecordsPerBoard)
    if (!verdict.ok) {
      const [status, code] = REFUSAL_STATUS[verdict.reason] ?? [400, 'invalid_copy']
      throw new RescueRefusal(verdict.reason, status, code, verdict.detail)
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
  } finally {
    release()
  }
}
