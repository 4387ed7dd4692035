import { z } from 'zod'
import { isValidBoardId } from '../../../shared/board/boardId'
import { BoardService, UnknownTemplateError } from '../../boards/BoardService'
import { baseUrl, boardInfo } from '../api'
import { HttpError, readJson, requestLanguage, sendJson } from '../respond'
import type { Route } from '../Route'

const JSON_LIMIT = 64 * 1024

const createBoardBody = z.object({
  title: z.string().trim().max(200).optional(),
  template: z.string().max(100).optional(),
  language: z.enum(['sv', 'en']).optional(),
})

export const boardRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/boards$/,
    async handle({ req, res, context }) {
      const body = createBoardBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw new HttpError(400, 'invalid_body', body.error.issues[0]!.message)
      const language = body.data.language ?? requestLanguage(req)
      try {
        const board = new BoardService(context.storage).create({
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
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/boards\/([^/]*)$/,
    handle({ req, res, params, context }) {
      const id = params[0]!
      if (!isValidBoardId(id)) throw new HttpError(400, 'invalid_id', 'malformed board id')
      const board = context.storage.getBoard(id)
      if (!board) throw new HttpError(404, 'not_found', 'no such board')
      sendJson(res, 200, boardInfo(baseUrl(context.config, req), board))
    },
  },
]
