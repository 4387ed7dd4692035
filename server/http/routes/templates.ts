import { builtInTemplates } from '../../../shared/templates'
import { requestLanguage, sendJson } from '../respond'
import type { Route } from '../Route'

export const templateRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/templates$/,
    handle({ req, res }) {
      const language = requestLanguage(req)
      sendJson(
        res,
        200,
        builtInTemplates.map((template) => ({ id: template.id, title: template.title[language] })),
      )
    },
  },
]
