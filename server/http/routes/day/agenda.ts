import { z } from 'zod'
import { MAX_AGENDA_STEPS, MAX_STEP_MINUTES } from '../../../../shared/day/agenda'
import { STEP_MODES } from '../../../../shared/workshopContracts'
import { dayError, parseBody } from '../../../day/dayErrors'
import { readJson, sendJson } from '../../respond'
import type { Route } from '../../Route'
import { JSON_LIMIT, workshopFor } from '../workshopsCommon'

const ID = '([^/]*)'

const agendaBody = z.object({
  steps: z
    .array(
      z.object({
        id: z.string().regex(/^[\w-]{1,64}$/),
        title: z.string().trim().min(1).max(120),
        minutes: z.number().int().min(0).max(MAX_STEP_MINUTES),
        mode: z.enum(STEP_MODES),
      }),
    )
    .max(MAX_AGENDA_STEPS),
})

const stepBody = z.union([
  z.object({ stepId: z.string().max(64) }).strict(),
  z.object({ next: z.literal(true) }).strict(),
])

export const agendaRoutes: Route[] = [
  {
    method: 'PUT',
    pattern: new RegExp(`^/api/workshops/${ID}/agenda$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const { steps } = parseBody(req, agendaBody, await readJson(req, JSON_LIMIT))
      if (new Set(steps.map((step) => step.id)).size !== steps.length) {
        throw dayError(req, 400, 'duplicate_step')
      }
      await context.day.setAgenda(workshop.id, steps, Date.now())
      const day = await context.day.get(workshop.id)
      sendJson(res, 200, { agenda: day.agenda, currentStepId: day.currentStepId })
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/step$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = parseBody(req, stepBody, await readJson(req, JSON_LIMIT))
      const step = await context.day.goToStep(workshop.id, body, Date.now())
      if (!step) {
        throw 'next' in body ? dayError(req, 409, 'agenda_end') : dayError(req, 404, 'unknown_step')
      }
      context.log.info({ workshop: workshop.id, step: step.id }, 'step changed')
      sendJson(res, 200, { currentStepId: step.id })
    },
  },
]
