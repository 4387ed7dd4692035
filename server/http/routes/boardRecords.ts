import type { BoardRecords } from '../../../shared/captureContracts'
import { authorizeBoardRequest } from '../boardAccess'
import { sendJson } from '../respond'
import type { Route } from '../Route'

/**
 * A board's records as they are now, for every role that may read it: the recorder's browser
 * renders group boards it captures from them with tldraw's export. Read without loading a
 * room (see BoardReader), so captures of many boards never count against MAX_ROOMS.
 */
export const boardRecordRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/boards\/([^/]*)\/records$/,
    async handle({ req, res, params, context }) {
      const id = params[0]!
      await authorizeBoardRequest(req, context, id)
      const body: BoardRecords = { records: await context.reads.records(id) }
      sendJson(res, 200, body)
    },
  },
]
