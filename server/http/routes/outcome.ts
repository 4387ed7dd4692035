import { authorizeBoardRequest } from '../boardAccess'
import { sendJson } from '../respond'
import type { Route } from '../Route'

export const outcomeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/boards\/([^/]*)\/outcome$/,
    async handle({ req, res, params, context }) {
      const id = params[0]!
      await authorizeBoardRequest(req, context, id)
      const outcome = await context.reads.outcome(id)
      sendJson(res, 200, outcome)
    },
  },
]
