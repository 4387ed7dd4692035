import { z } from 'zod'
import { readRecords, writeRecords } from '../../../shared/board/boardDoc'
import { FACTOR_OPS_ORIGIN } from '../../../shared/factors/factorOps'
import {
  placeBesideBoard,
  SAVED_TEMPLATE_PREFIX,
  templateShapes,
} from '../../../shared/templates/savedTemplate'
import { newId } from '../../boards/BoardService'
import { findTemplate } from '../../boards/findTemplate'
import { authorizeBoardRequest, costOf, withBoardDoc } from '../boardAccess'
import { HttpError, readJson, requestLanguage, sendJson } from '../respond'
import type { Route } from '../Route'

const JSON_LIMIT = 64 * 1024

const saveBody = z.object({
  boardId: z.string().max(100),
  title: z.string().trim().min(1).max(200),
})

const applyBody = z.object({ template: z.string().max(100) })

async function parseBody<T>(req: Parameters<typeof readJson>[0], schema: z.ZodType<T>) {
  const body = schema.safeParse(await readJson(req, JSON_LIMIT))
  if (!body.success) throw new HttpError(400, 'invalid_body', body.error.issues[0]!.message)
  return body.data
}

export const savedTemplateRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/templates$/,
    async handle({ req, res, context }) {
      const { boardId, title } = await parseBody(req, saveBody)
      await authorizeBoardRequest(req, context, boardId, ['facilitator', 'participant'])
      const { maxSavedTemplates, maxTemplateBytes } = context.config
      if (context.storage.listTemplates().length >= maxSavedTemplates) {
        throw new HttpError(
          409,
          'template_limit',
          `the server keeps ${maxSavedTemplates} templates`,
        )
      }
      const records = JSON.stringify(templateShapes(context.reads.records(boardId)))
      if (Buffer.byteLength(records) > maxTemplateBytes) {
        throw new HttpError(413, 'too_large', `a template may hold ${maxTemplateBytes} bytes`)
      }
      const template = {
        id: `${SAVED_TEMPLATE_PREFIX}${newId(9)}`,
        title,
        records,
        createdAt: Date.now(),
      }
      context.storage.saveTemplate(template)
      context.log.info({ room: boardId, template: template.id }, 'template saved')
      sendJson(res, 201, { id: template.id, title })
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/boards\/([^/]*)\/apply-template$/,
    async handle({ req, res, params, context }) {
      const id = params[0]!
      await authorizeBoardRequest(req, context, id, ['facilitator', 'participant'])
      const body = await parseBody(req, applyBody)
      const template = findTemplate(context.storage, body.template)
      if (!template)
        throw new HttpError(400, 'unknown_template', `unknown template "${body.template}"`)
      const shapes = template.build({
        language: requestLanguage(req),
        newId: (kind) => `${kind}:${newId(9)}`,
      })
      withBoardDoc(
        context,
        id,
        (doc) =>
          doc.transact(() => {
            writeRecords(doc, placeBesideBoard(readRecords(doc), shapes))
          }, FACTOR_OPS_ORIGIN),
        costOf(shapes.length, Buffer.byteLength(JSON.stringify(shapes))),
      )
      sendJson(res, 200, { added: shapes.length })
    },
  },
]
