import { z } from 'zod'
import { dayError, parseBody, tooOften } from '../../../day/dayErrors'
import { setHand } from '../../../day/hands'
import { denied } from '../../authorize'
import { readJson, sendJson } from '../../respond'
import type { Route } from '../../Route'
import { JSON_LIMIT, workshopFor } from '../workshopsCommon'

const ID = '([^/]*)'

const participantBody = z.object({ raised: z.boolean() }).strict()
const facilitatorBody = z
  .object({ raised: z.literal(false), participantId: z.string().min(1).max(64) })
  .strict()

/**
 * Räck upp handen. A participant raises or lowers their own hand (identified by their key,
 * never by a name or id they send); the facilitator lowers anyone's. Viewers may not.
 */
export const handRoutes: Route[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/hand$`),
    async handle({ req, res, params, context }) {
      const { workshop, role } = await workshopFor(
        req,
        context,
        params[0]!,
        'participant',
        'facilitator',
      )
      let participantId: string
      let raised: boolean
      if (role === 'participant') {
        const decision = await context.access.identifyParticipant(req, workshop.id)
        if (!decision.ok) throw denied(decision)
        raised = parseBody(req, participantBody, await readJson(req, JSON_LIMIT)).raised
        participantId = decision.participant.id
        const wait = await context.limits.participantAction('hand', workshop.id, participantId)
        if (wait !== undefined) {
          context.log.warn({ workshop: workshop.id, reason: 'rateLimited' }, 'hand refused')
          throw tooOften(req, 'too_many_hands', wait)
        }
      } else {
        const body = parseBody(req, facilitatorBody, await readJson(req, JSON_LIMIT))
        if (!(await context.storage.getParticipant(workshop.id, body.participantId))) {
          throw dayError(req, 404, 'unknown_participant')
        }
        raised = false
        participantId = body.participantId
      }
      const isRaised = (await context.day.get(workshop.id)).hands.some(
        (hand) => hand.participantId === participantId,
      )
      // Asking again for what already is stores nothing and tells nobody.
      if (isRaised !== raised) {
        await context.day.change(workshop.id, (day) =>
          setHand(day, participantId, raised, Date.now()),
        )
      }
      context.log.info({ workshop: workshop.id, raised, by: role }, 'hand')
      sendJson(res, 200, { raised })
    },
  },
]
