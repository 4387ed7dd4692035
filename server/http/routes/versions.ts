import { z } from 'zod'
import type { CreatedBoard } from '../../../shared/workshopContracts'
import type { RestoredVersion, VersionDetail } from '../../../shared/versionContracts'
import {
  copyVersion,
  loadVersion,
  restoreVersion,
  saveVersion,
} from '../../versions/versionService'
import { boardLinks } from '../../workshops/links'
import { baseUrl, boardInfo } from '../api'
import { authorizeBoardRequest, authorizeBoardWrite } from '../boardAccess'
import { HttpError, readJson, sendJson, uiLanguage } from '../respond'
import type { Route } from '../Route'

const JSON_LIMIT = 16 * 1024
const saveBody = z.object({ name: z.string().trim().min(1).max(120) })
const copyBody = z.object({ title: z.string().trim().min(1).max(200).optional() })

const BOARD = '/api/boards/([^/]*)/versions'
const VERSION = `${BOARD}/([A-Za-z0-9_-]{1,32})`

export const versionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^${BOARD}$`),
    async handle({ req, res, params, context }) {
      const boardId = params[0]!
      await authorizeBoardWrite(req, context, boardId)
      const body = saveBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw new HttpError(400, 'invalid_body', body.error.issues[0]!.message)
      sendJson(res, 201, await saveVersion(context, boardId, body.data.name))
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${BOARD}$`),
    async handle({ req, res, params, context }) {
      const boardId = params[0]!
      await authorizeBoardRequest(req, context, boardId)
      const versions = await context.storage.listVersions(boardId)
      sendJson(
        res,
        200,
        versions.map(({ id, name, createdAt, auto }) => ({ id, name, createdAt, auto })),
      )
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${VERSION}$`),
    async handle({ req, res, params, context }) {
      const boardId = params[0]!
      await authorizeBoardRequest(req, context, boardId)
      const version: VersionDetail = await loadVersion(context, boardId, params[1]!)
      sendJson(res, 200, version)
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${VERSION}/restore$`),
    async handle({ req, res, url, params, context }) {
      const boardId = params[0]!
      await authorizeBoardRequest(req, context, boardId, ['facilitator'])
      const restored: RestoredVersion = await restoreVersion(
        context,
        boardId,
        params[1]!,
        uiLanguage(req, url),
      )
      sendJson(res, 200, restored)
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${VERSION}/copy$`),
    async handle({ req, res, params, context }) {
      const boardId = params[0]!
      await authorizeBoardRequest(req, context, boardId, ['facilitator'])
      const body = copyBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw new HttpError(400, 'invalid_body', body.error.issues[0]!.message)
      const version = await loadVersion(context, boardId, params[1]!)
      const source = (await context.storage.getBoard(boardId))!
      const title = body.data.title ?? `${source.title} – ${version.name}`.slice(0, 200)
      const { board, tokens } = await copyVersion(context, boardId, version.id, title)
      const base = baseUrl(context.config, req)
      const created: CreatedBoard = {
        ...boardInfo(base, board, { token: tokens.facilitator }),
        links: boardLinks(base, board.id, tokens),
      }
      sendJson(res, 201, created)
    },
  },
]
