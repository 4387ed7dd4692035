import { z } from 'zod'
import {
  MAX_TIMER_SECONDS,
  addToTimer,
  pauseTimer,
  resumeTimer,
  startTimer,
  timerView,
} from '../../../../shared/day/timer'
import { dayError, parseBody } from '../../../day/dayErrors'
import { readJson, sendJson } from '../../respond'
import type { Route } from '../../Route'
import { JSON_LIMIT, workshopFor } from '../workshopsCommon'

const ID = '([^/]*)'
const seconds = z.number().int().min(1).max(MAX_TIMER_SECONDS)

const timerBody = z.union([
  z
    .object({
      seconds,
      label: z.string().trim().max(120).optional(),
      pauseInputAtEnd: z.boolean().optional(),
      boardId: z.string().max(64).optional(),
    })
    .strict(),
  z.object({ action: z.enum(['pause', 'resume', 'stop']) }).strict(),
  z.object({ action: z.literal('add'), seconds }).strict(),
])

export const timerRoutes: Route[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/timer$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = parseBody(req, timerBody, await readJson(req, JSON_LIMIT))
      const now = Date.now()
      const current = (await context.day.get(workshop.id)).timer
      if ('action' in body && body.action !== 'stop' && !current) {
        throw dayError(req, 409, 'no_timer')
      }
      if ('boardId' in body && body.boardId !== undefined) {
        const boards = await context.storage.workshopBoards(workshop.id)
        if (!boards.some((board) => board.id === body.boardId)) {
          throw dayError(req, 400, 'unknown_board')
        }
      }
      const timer = await context.day.change(workshop.id, (day) => {
        if (!('action' in body)) day.timer = startTimer(body.seconds, now, body)
        else if (body.action === 'stop') day.timer = null
        else if (body.action === 'pause') day.timer = pauseTimer(day.timer!, now)
        else if (body.action === 'resume') day.timer = resumeTimer(day.timer!, now)
        else if (body.action === 'add') day.timer = addToTimer(day.timer!, body.seconds, now)
        return day.timer
      })
      context.log.info(
        { workshop: workshop.id, timer: 'action' in body ? body.action : 'start' },
        'timer',
      )
      sendJson(res, 200, { timer: timer ? timerView(timer, now) : null })
    },
  },
]
