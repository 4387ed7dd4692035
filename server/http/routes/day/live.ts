import { dayError } from '../../../day/dayErrors'
import { TooManyStreamsError } from '../../../day/LiveChannel'
import { denied, EVERY_ROLE } from '../../authorize'
import type { Route } from '../../Route'
import { workshopFor } from '../workshopsCommon'

const ID = '([^/]*)'

export const liveRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/live$`),
    async handle({ req, res, url, params, context }) {
      const { workshop, role } = await workshopFor(req, context, params[0]!, ...EVERY_ROLE)
      let participantId: string | undefined
      if (role === 'participant' && url.searchParams.has('participant')) {
        const decision = await context.access.identifyParticipant(req, workshop.id)
        if (!decision.ok) throw denied(decision)
        participantId = decision.participant.id
      }
      try {
        context.live.open(res, workshop.id, role, participantId)
      } catch (error) {
        if (error instanceof TooManyStreamsError) {
          context.log.warn({ workshop: workshop.id, reason: error.message }, 'live stream refused')
          throw dayError(req, 503, 'too_many_streams')
        }
        throw error
      }
    },
  },
]
