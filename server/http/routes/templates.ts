import { builtInTemplates } from '../../../shared/templates'
import { requestLanguage, sendJson } from '../respond'
import type { Route } from '../Route'

export const templateRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/templates$/,
    handle({ req, res, context }) {
      const language = requestLanguage(req)
      const builtIn = builtInTemplates.map((template) => ({
        id: template.id,
        title: template.title[language],
      }))
      const saved = context.storage.listTemplates().map(({ id, title }) => ({ id, title }))
      sendJson(res, 200, [...builtIn, ...saved])
    },
  },
]
