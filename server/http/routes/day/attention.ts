import { z } from 'zod'
import { ATTENTION_KINDS, type AttentionEvent } from '../../../../shared/workshopContracts'
import { dayError, parseBody } from '../../../day/dayErrors'
import { readJson, sendJson } from '../../respond'
import type { Route } from '../../Route'
import { JSON_LIMIT, workshopFor } from '../workshopsCommon'

const ID = '([^/]*)'
/** Far beyond any board, yet no number a camera cannot handle. */
const coordinate = z.number().finite().min(-1e7).max(1e7)
const extent = z.number().finite().positive().max(1e7)

const attentionBody = z
  .object({
    kind: z.enum(ATTENTION_KINDS),
    boardId: z.string().max(64),
    bounds: z.object({ x: coordinate, y: coordinate, w: extent, h: extent }).strict().optional(),
    spotlightId: z.string().max(64).optional(),
  })
  .strict()

/**
 * The room's attention on one board. `summon` (Samla alla här) is a one-off event to every
 * page on the board; `follow` and `control` stand until `release`, and `move` updates the view
 * of what stands (nothing when nothing does); a `spotlight` with a `spotlightId` stands until
 * one without.
 */
export const attentionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/attention$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = parseBody(req, attentionBody, await readJson(req, JSON_LIMIT))
      const boards = await context.storage.workshopBoards(workshop.id)
      if (!boards.some((board) => board.id === body.boardId)) {
        throw dayError(req, 404, 'unknown_board')
      }
      if (body.kind !== 'release' && !body.bounds) {
        throw dayError(req, 400, 'invalid_body', 'bounds')
      }
      const at = Date.now()
      if (body.kind === 'spotlight') {
        await context.day.change(workshop.id, (day) => {
          day.spotlights = day.spotlights.filter((lit) => lit.boardId !== body.boardId)
          if (body.spotlightId) {
            day.spotlights.push({
              boardId: body.boardId,
              spotlightId: body.spotlightId,
              bounds: body.bounds!,
              at,
            })
          }
        })
      } else if (body.kind === 'summon') {
        const event: AttentionEvent = {
          kind: body.kind,
          boardId: body.boardId,
          bounds: body.bounds!,
          spotlightId: body.spotlightId ?? null,
          at,
        }
        context.day.events.emit('attention', workshop.id, event)
      } else if (body.kind === 'move') {
        const standing = (await context.day.get(workshop.id)).attention.find(
          (candidate) => candidate.boardId === body.boardId,
        )
        if (standing) {
          await context.day.change(workshop.id, (day) => {
            for (const held of day.attention) {
              if (held.boardId === body.boardId) held.bounds = body.bounds!
            }
          })
        }
      } else {
        await context.day.change(workshop.id, (day) => {
          const before = day.attention.find((standing) => standing.boardId === body.boardId)
          day.attention = day.attention.filter((standing) => standing !== before)
          if (body.kind === 'follow' || body.kind === 'control') {
            day.attention.push({
              boardId: body.boardId,
              mode: body.kind,
              bounds: body.bounds!,
              spotlightId: body.spotlightId ?? null,
              // Started again (a second facilitator tab): `at` stays the start, so a
              // participant's answer to Följ mig still holds.
              at: before?.mode === body.kind ? before.at : at,
            })
          }
        })
      }
      context.log.info({ workshop: workshop.id, room: body.boardId, kind: body.kind }, 'attention')
      sendJson(res, 200, { ok: true })
    },
  },
]
