import { builtInTemplates } from '../../../shared/templates'
import { requestLanguage, sendJson } from '../respond'
import type { Route } from '../Route'

/** The built-in templates, titled in `language`. */
export function builtInList(language: 'sv' | 'en') {
  return builtInTemplates.map((template) => ({
    id: template.id,
    title: template.title[language],
  }))
}

export const templateRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/templates$/,
    async handle({ req, res, context }) {
      // The lobby's list: no workshop's own templates, only those shared server-wide.
      const saved = (await context.storage.listTemplates()).map(({ id, title }) => ({ id, title }))
      sendJson(res, 200, [...builtInList(requestLanguage(req)), ...saved])
    },
  },
]
