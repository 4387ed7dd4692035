import { z } from 'zod'
import { readRecords, writeRecords } from '../../../shared/board/boardDoc'
import { FACTOR_OPS_ORIGIN } from '../../../shared/factors/factorOps'
import {
  placeBesideBoard,
  SAVED_TEMPLATE_PREFIX,
  templateShapes,
} from '../../../shared/templates/savedTemplate'
import type { SavedTemplateInfo } from '../../../shared/contracts'
import { newId } from '../../boards/BoardService'
import { findTemplate } from '../../boards/findTemplate'
import type { TemplateSummary } from '../../storage/Storage'
import { authorizeBoardRequest, authorizeBoardWrite, costOf, withBoardDoc } from '../boardAccess'
import { contentLanguage } from '../language'
import { HttpError, readJson, requestLanguage, sendJson } from '../respond'
import type { Route, RouteRequest } from '../Route'
import { builtInList } from './templates'

const JSON_LIMIT = 64 * 1024

const title = z.string().trim().min(1).max(200)
const saveBody = z.object({
  boardId: z.string().max(100),
  title,
  shared: z.boolean().optional(),
})
const patchBody = z.object({ title: title.optional(), shared: z.boolean().optional() })
const applyBody = z.object({ template: z.string().max(100) })

async function parseBody<T>(req: Parameters<typeof readJson>[0], schema: z.ZodType<T>) {
  const body = schema.safeParse(await readJson(req, JSON_LIMIT))
  if (!body.success) throw new HttpError(400, 'invalid_body', body.error.issues[0]!.message)
  return body.data
}

/**
 * Which templates the caller may rename, share or delete, checked once per request: as a
 * facilitator of `boardId`, a workshop's own (or shared-from) templates of that workshop;
 * templates owned by no workshop, if they may also create boards (the admin, with
 * ADMIN_TOKEN set). Participants and viewers manage none.
 */
async function templateManager(request: RouteRequest, boardId: string) {
  const { req, context } = request
  const role = await authorizeBoardRequest(req, context, boardId)
  const workshopId = (await context.storage.workshopOfBoard(boardId)) ?? null
  const mayCreate = role === 'facilitator' && (await context.access.authorizeCreation(req)).ok
  return (template: TemplateSummary) =>
    role === 'facilitator' &&
    (template.workshopId !== null ? template.workshopId === workshopId : mayCreate)
}

async function listFor(request: RouteRequest, boardId: string): Promise<SavedTemplateInfo[]> {
  const mayManage = await templateManager(request, boardId)
  const workshopId = await request.context.storage.workshopOfBoard(boardId)
  return (await request.context.storage.listTemplates(workshopId)).map((template) => ({
    id: template.id,
    title: template.title,
    shared: template.shared,
    manageable: mayManage(template),
  }))
}

/** The saved template `id` as the board may see it: shared, or its own workshop's. */
async function visibleTemplate(request: RouteRequest, boardId: string, id: string) {
  const template = await request.context.storage.getTemplate(id)
  const workshopId = (await request.context.storage.workshopOfBoard(boardId)) ?? null
  if (!template || !(template.shared || template.workshopId === workshopId)) {
    throw new HttpError(404, 'unknown_template', `unknown template "${id}"`)
  }
  return template
}

export const savedTemplateRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/templates$/,
    async handle(request) {
      const { req, res, context } = request
      const body = await parseBody(req, saveBody)
      const role = await authorizeBoardRequest(req, context, body.boardId, [
        'facilitator',
        'participant',
      ])
      const workshopId = (await context.storage.workshopOfBoard(body.boardId)) ?? null
      // A standalone board's template is listed in every lobby: only its facilitator may.
      const shared = workshopId === null || body.shared === true
      if (shared && role !== 'facilitator') {
        throw new HttpError(403, 'forbidden', 'only a facilitator may share a template server-wide')
      }
      // Every saved template counts, a workshop's own too: participants may save them.
      const { maxSavedTemplates, maxTemplateBytes } = context.config
      if ((await context.storage.countTemplates()) >= maxSavedTemplates) {
        throw new HttpError(
          409,
          'template_limit',
          `the server keeps ${maxSavedTemplates} templates`,
        )
      }
      const records = JSON.stringify(templateShapes(await context.reads.records(body.boardId)))
      if (Buffer.byteLength(records) > maxTemplateBytes) {
        throw new HttpError(413, 'too_large', `a template may hold ${maxTemplateBytes} bytes`)
      }
      const template = {
        id: `${SAVED_TEMPLATE_PREFIX}${newId(9)}`,
        title: body.title,
        records,
        createdAt: Date.now(),
        workshopId,
        shared,
      }
      await context.storage.saveTemplate(template)
      context.log.info({ room: body.boardId, template: template.id, shared }, 'template saved')
      sendJson(res, 201, { id: template.id, title: body.title, shared })
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/boards\/([^/]*)\/templates$/,
    async handle(request) {
      const { req, res, params, context } = request
      const boardId = params[0]!
      await authorizeBoardRequest(req, context, boardId)
      sendJson(res, 200, [
        ...builtInList(requestLanguage(req)),
        ...(await listFor(request, boardId)),
      ])
    },
  },
  {
    method: 'PATCH',
    pattern: /^\/api\/boards\/([^/]*)\/templates\/([^/]*)$/,
    async handle(request) {
      const { req, res, params, context } = request
      const [boardId, templateId] = [params[0]!, params[1]!]
      const mayManage = await templateManager(request, boardId)
      const template = await visibleTemplate(request, boardId, templateId)
      const patch = await parseBody(req, patchBody)
      if (!mayManage(template)) {
        throw new HttpError(403, 'forbidden', 'you may not change this template')
      }
      await context.storage.updateTemplate(templateId, patch)
      context.log.info({ room: boardId, template: templateId, ...patch }, 'template changed')
      const changed = (await context.storage.getTemplate(templateId))!
      sendJson(res, 200, { id: changed.id, title: changed.title, shared: changed.shared })
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/api\/boards\/([^/]*)\/templates\/([^/]*)$/,
    async handle(request) {
      const { res, params, context } = request
      const [boardId, templateId] = [params[0]!, params[1]!]
      const mayManage = await templateManager(request, boardId)
      const template = await visibleTemplate(request, boardId, templateId)
      if (!mayManage(template)) {
        throw new HttpError(403, 'forbidden', 'you may not delete this template')
      }
      await context.storage.deleteTemplate(templateId)
      await context.storage.checkpoint()
      context.log.info({ room: boardId, template: templateId }, 'template deleted')
      res.writeHead(204).end()
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/boards\/([^/]*)\/apply-template$/,
    async handle(request) {
      const { req, res, params, context } = request
      const id = params[0]!
      await authorizeBoardWrite(req, context, id)
      const body = await parseBody(req, applyBody)
      const workshopId = await context.storage.workshopOfBoard(id)
      const template = await findTemplate(context.storage, body.template, workshopId)
      if (!template)
        throw new HttpError(400, 'unknown_template', `unknown template "${body.template}"`)
      const shapes = template.build({
        language: contentLanguage(req),
        newId: (kind) => `${kind}:${newId(9)}`,
      })
      await withBoardDoc(
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
