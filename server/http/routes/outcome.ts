import { readRecords } from '../../../shared/board/boardDoc'
import { computeOutcome } from '../../../shared/factors'
import { authorizeBoardRequest, withBoardDoc } from '../boardAccess'
import { sendJson } from '../respond'
import type { Route } from '../Route'

export const outcomeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/boards\/([^/]*)\/outcome$/,
    handle({ req, res, params, context }) {
      const id = params[0]!
      authorizeBoardRequest(req, context, id)
      const outcome = withBoardDoc(context, id, (doc) => computeOutcome(readRecords(doc)))
      sendJson(res, 200, outcome)
    },
  },
]
