import { GatherBusyError, GatherTimeoutError } from '../../workshops/gather/GatherWorker'
import { authorizeBoardRequest } from '../boardAccess'
import { HttpError, sendJson } from '../respond'
import type { Route } from '../Route'

export const clusterSuggestionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/boards\/([^/]*)\/cluster-suggestions$/,
    async handle({ req, res, params, context }) {
      const id = params[0]!
      await authorizeBoardRequest(req, context, id, ['facilitator', 'participant'])
      await context.limits.suggestion(req)
      try {
        sendJson(res, 200, await context.clusterSuggestions.suggest(context, id))
      } catch (error) {
        if (error instanceof GatherBusyError || error instanceof GatherTimeoutError) {
          throw new HttpError(503, 'similarity_busy', error.message)
        }
        throw error
      }
    },
  },
]
