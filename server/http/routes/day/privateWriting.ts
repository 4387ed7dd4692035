import { z } from 'zod'
import { parseBody } from '../../../day/dayErrors'
import { readJson, sendJson } from '../../respond'
import type { Route } from '../../Route'
import { JSON_LIMIT, workshopFor } from '../workshopsCommon'

const ID = '([^/]*)'

const privateWritingBody = z.union([
  z.object({ on: z.literal(true) }).strict(),
  z.object({ on: z.literal(false), anonymous: z.boolean().optional() }).strict(),
])

/**
 * Silent writing (Skriv enskilt) on and off for the whole workshop. While it is on, the write
 * policy refuses participants' new notes (server/sync/privateDrafts.ts): they stay in each
 * browser until this turns it off, and every browser then reveals its drafts.
 */
export const privateWritingRoutes: Route[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/private-writing$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = parseBody(req, privateWritingBody, await readJson(req, JSON_LIMIT))
      const anonymous = !body.on && (body.anonymous ?? false)
      await context.day.setPrivateWriting(workshop.id, body.on, anonymous, Date.now())
      context.log.info(
        { workshop: workshop.id, on: body.on },
        body.on ? 'silent writing started' : 'silent writing revealed',
      )
      const day = await context.day.get(workshop.id)
      sendJson(res, 200, { privateWriting: day.privateWriting, revealedAt: day.revealedAt })
    },
  },
]
