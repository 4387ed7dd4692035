import { z } from 'zod'
import { metaMap } from '../../../shared/board/boardDoc'
import {
  BANNER_META_KEY,
  ROLES,
  type CreatedWorkshop,
  type RotatedLinks,
  type WorkshopInfo,
} from '../../../shared/workshopContracts'
import { revealTokens, rotateToken } from '../../auth/tokens'
import { UnknownTemplateError } from '../../boards/BoardService'
import { dayView } from '../../day/dayView'
import { itemTexts } from '../../day/itemText'
import { withBoardDoc } from '../boardAccess'
import { createWorkshop } from '../../workshops/WorkshopService'
import { ensureRecorder } from '../../workshops/ensureRecorder'
import { eraseWorkshop } from '../../workshops/eraseWorkshop'
import { workshopLinks } from '../../workshops/links'
import { baseUrl, boardInfo } from '../api'
import { denied, EVERY_ROLE } from '../authorize'
import { HttpError, readJson, sendJson } from '../respond'
import { contentLanguage } from '../language'
import type { Route } from '../Route'
import { invalidBody, JSON_LIMIT, workshopFor } from './workshopsCommon'
import { closeCredentialEverywhere } from '../../sync/closeEverywhere'

const createBody = z.object({
  title: z.string().trim().min(1).max(200),
  groups: z.number().int().min(1).max(50),
  template: z.string().max(100).optional(),
  track: z.string().trim().max(200).optional(),
  date: z.iso.date().optional(),
  language: z.enum(['sv', 'en']).optional(),
})

const patchBody = z.object({
  allowGroupChoice: z.boolean().optional(),
  title: z.string().trim().min(1).max(200).optional(),
})

const messageBody = z.object({ text: z.string().trim().max(500) })
const rotateBody = z.object({ role: z.enum(ROLES) })
const openBody = z.object({ openToAll: z.boolean() })

const ID = '([^/]*)'

export const workshopRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/workshops$/,
    async handle({ req, res, context }) {
      const creation = await context.access.authorizeCreation(req)
      if (!creation.ok) throw denied(creation)
      await context.limits.creation(req)
      const body = createBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      const language = body.data.language ?? contentLanguage(req)
      let created
      try {
        created = await createWorkshop(context.storage, {
          title: body.data.title,
          groups: body.data.groups,
          template: body.data.template ?? 'hindering-enabling',
          track: body.data.track || null,
          date: body.data.date ?? null,
          language,
        })
      } catch (error) {
        if (error instanceof UnknownTemplateError) {
          throw new HttpError(400, 'unknown_template', error.message)
        }
        throw error
      }
      await context.day.create(created.workshop.id, language)
      if (creation.accountId) {
        await context.accounts?.recordCreated(
          created.workshop.id,
          creation.accountId,
          created.tokens.facilitator,
        )
      }
      const base = baseUrl(context.config, req)
      const params = { token: created.tokens.facilitator }
      const response: CreatedWorkshop = {
        id: created.workshop.id,
        links: workshopLinks(base, created.workshop.id, created.tokens),
        boards: created.boards.map((board) => {
          const { url, sync } = boardInfo(base, board, params)
          return { id: board.id, name: board.title, kind: board.kind, url, sync }
        }),
      }
      sendJson(res, 201, response)
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}$`),
    async handle({ req, res, params, context }) {
      const { workshop, role, token } = await workshopFor(req, context, params[0]!, ...EVERY_ROLE)
      if (role === 'facilitator' && token) {
        await ensureRecorder(context.storage, workshop.id, token, contentLanguage(req))
      }
      const info: WorkshopInfo = {
        ...(await dayView(context.day, workshop.id, role, context.storage, itemTexts(context))),
        id: workshop.id,
        title: workshop.title,
        date: workshop.date,
        track: workshop.track,
        template: workshop.template,
        role,
        allowGroupChoice: workshop.allowGroupChoice,
        boards: await Promise.all(
          (await context.storage.workshopBoards(workshop.id)).map(async (board) => ({
            id: board.id,
            name: board.title,
            kind: board.kind,
            openToAll: (await context.storage.boardPlace(board.id))?.openToAll ?? false,
          })),
        ),
      }
      if (role === 'facilitator' && token) {
        const tokens = revealTokens(await context.storage.tokensOf(workshop.id), token)
        info.links = workshopLinks(baseUrl(context.config, req), workshop.id, tokens)
      }
      sendJson(res, 200, info)
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^/api/workshops/${ID}$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = patchBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      await context.storage.updateWorkshop(workshop.id, body.data)
      const updated = (await context.storage.getWorkshop(workshop.id))!
      sendJson(res, 200, { title: updated.title, allowGroupChoice: updated.allowGroupChoice })
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/api/workshops/${ID}$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      await eraseWorkshop(context, workshop.id)
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end()
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/rotate$`),
    async handle({ req, res, params, context }) {
      const { workshop, token } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = rotateBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      await ensureRecorder(context.storage, workshop.id, token!, contentLanguage(req))
      const rotation = rotateToken(
        await context.storage.tokensOf(workshop.id),
        body.data.role,
        token!,
      )
      await context.storage.replaceTokens(rotation.replaced)
      const accounts = context.accounts
      if (
        body.data.role === 'facilitator' &&
        accounts &&
        (await accounts.facilitatorToken(workshop.id))
      ) {
        await accounts.rememberFacilitatorToken(workshop.id, rotation.tokens.facilitator)
      }
      closeCredentialEverywhere(context, rotation.revokedId)
      context.log.info({ workshop: workshop.id, role: body.data.role }, 'token rotated')
      const response: RotatedLinks = {
        links: workshopLinks(baseUrl(context.config, req), workshop.id, rotation.tokens),
      }
      sendJson(res, 200, response)
    },
  },
  {
    method: 'PUT',
    pattern: new RegExp(`^/api/workshops/${ID}/boards/${ID}/access$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = openBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      const boardId = params[1]!
      if ((await context.storage.boardPlace(boardId))?.workshopId !== workshop.id) {
        throw new HttpError(404, 'not_found', 'no such board in this workshop')
      }
      await context.storage.setBoardOpen(boardId, body.data.openToAll)
      context.log.info({ room: boardId, openToAll: body.data.openToAll }, 'board access changed')
      sendJson(res, 200, { openToAll: body.data.openToAll })
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/message$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = messageBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      const banner = body.data.text ? { text: body.data.text, at: Date.now() } : null
      for (const board of await context.storage.workshopBoards(workshop.id)) {
        await withBoardDoc(context, board.id, (doc) =>
          doc.transact(() => {
            if (banner) metaMap(doc).set(BANNER_META_KEY, banner)
            else metaMap(doc).delete(BANNER_META_KEY)
          }, 'server'),
        )
      }
      sendJson(res, 200, { banner })
    },
  },
]
