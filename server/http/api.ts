import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { isValidBoardId } from '../../shared/board/boardId'
import type { BoardInfo, ClientConfig } from '../../shared/contracts'
import { builtInTemplates } from '../../shared/templates'
import { BoardService, UnknownTemplateError } from '../boards/BoardService'
import type { Config } from '../config'
import type { BoardRecord, Storage } from '../storage/Storage'
import type { RoomRegistry } from '../sync/RoomRegistry'
import type { SyncEndpoint } from '../sync/syncEndpoint'
import { HttpError, readJson, requestLanguage, sendJson } from './respond'

const JSON_LIMIT = 64 * 1024

const createBoardBody = z.object({
  title: z.string().trim().max(200).optional(),
  template: z.string().max(100).optional(),
  language: z.enum(['sv', 'en']).optional(),
})

export interface ApiContext {
  config: Config
  storage: Storage
  rooms: RoomRegistry
  sync: SyncEndpoint
}

/** The public base URL: PUBLIC_URL when set, else what the request was addressed to. */
export function baseUrl(config: Config, req: IncomingMessage): string {
  if (config.publicUrl) return config.publicUrl
  return `http://${req.headers.host ?? `${config.host}:${config.port}`}`
}

export function boardInfo(base: string, board: BoardRecord): BoardInfo {
  return {
    id: board.id,
    title: board.title,
    template: board.template,
    createdAt: board.createdAt,
    url: `${base}/b/${board.id}`,
    sync: { serverUrl: `${base.replace(/^http/, 'ws')}/sync`, room: board.id, params: {} },
  }
}

/** Routes the REST API; returns false for paths that are not API paths. */
export function createApi(context: ApiContext) {
  const boards = new BoardService(context.storage)
  const started = Date.now()

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = `${req.method} ${url.pathname}`

    if (route === 'GET /healthz') {
      sendJson(res, 200, {
        ok: true,
        rooms: context.rooms.size,
        connections: context.sync.connectionCount,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      })
      return true
    }
    if (!url.pathname.startsWith('/api/')) return false

    if (route === 'GET /api/config') {
      const clientConfig: ClientConfig = { tldrawLicenseKey: context.config.tldrawLicenseKey }
      sendJson(res, 200, clientConfig)
      return true
    }
    if (route === 'GET /api/templates') {
      const language = requestLanguage(req)
      sendJson(
        res,
        200,
        builtInTemplates.map((t) => ({ id: t.id, title: t.title[language] })),
      )
      return true
    }
    if (route === 'POST /api/boards') {
      const body = createBoardBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw new HttpError(400, 'invalid_body', body.error.issues[0]!.message)
      const language = body.data.language ?? requestLanguage(req)
      try {
        const board = boards.create({
          title: body.data.title || (language === 'sv' ? 'Namnlös tavla' : 'Untitled board'),
          template: body.data.template ?? 'hindering-enabling',
          language,
        })
        sendJson(res, 201, boardInfo(baseUrl(context.config, req), board))
      } catch (error) {
        if (error instanceof UnknownTemplateError) {
          throw new HttpError(400, 'unknown_template', error.message)
        }
        throw error
      }
      return true
    }
    const boardMatch = /^\/api\/boards\/([^/]*)$/.exec(url.pathname)
    if (boardMatch && req.method === 'GET') {
      const id = decodeURIComponent(boardMatch[1] ?? '')
      if (!isValidBoardId(id)) throw new HttpError(400, 'invalid_id', 'malformed board id')
      const board = context.storage.getBoard(id)
      if (!board) throw new HttpError(404, 'not_found', 'no such board')
      sendJson(res, 200, boardInfo(baseUrl(context.config, req), board))
      return true
    }
    throw new HttpError(404, 'not_found', `no route for ${route}`)
  }
}
