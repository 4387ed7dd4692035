import { z } from 'zod'
import { isValidBoardId } from '../../../shared/board/boardId'
import {
  BOARD_ROLES,
  type BoardAccessInfo,
  type CreatedBoard,
  type RotatedBoardLinks,
} from '../../../shared/workshopContracts'
import { issueBoardTokens, revealTokens, rotateToken, type IssuedTokens } from '../../auth/tokens'
import { BoardService, UnknownTemplateError } from '../../boards/BoardService'
import { identifyWriter } from '../../auth/identifyWriter'
import { writeContextFor } from '../../sync/writeContext'
import { writeDenial } from '../../sync/writePolicy'
import { boardLinks } from '../../workshops/links'
import { baseUrl, boardInfo } from '../api'
import { allow, denied, EVERY_ROLE } from '../authorize'
import { HttpError, readJson, sendJson } from '../respond'
import { contentLanguage } from '../language'
import type { Route } from '../Route'
import { closeCredentialEverywhere } from '../../sync/closeEverywhere'

const JSON_LIMIT = 64 * 1024

/** A standalone board has no recorder link to rotate. */
const rotateBody = z.object({ role: z.enum(BOARD_ROLES) })

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
      const creation = await context.access.authorizeCreation(req)
      if (!creation.ok) throw denied(creation)
      await context.limits.creation(req)
      const body = createBoardBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw new HttpError(400, 'invalid_body', body.error.issues[0]!.message)
      const language = body.data.language ?? contentLanguage(req)
      let issued: IssuedTokens | undefined
      try {
        const board = await new BoardService(context.storage).create(
          {
            title: body.data.title || (language === 'sv' ? 'Namnlös tavla' : 'Untitled board'),
            template: body.data.template ?? 'hindering-enabling',
            language,
          },
          (boardId) => (issued = issueBoardTokens(boardId)).records,
        )
        const { tokens } = issued!
        if (creation.accountId) {
          await context.accounts?.recordCreated(board.id, creation.accountId, tokens.facilitator)
        }
        const base = baseUrl(context.config, req)
        const created: CreatedBoard = {
          ...boardInfo(base, await board, { token: tokens.facilitator }),
          links: boardLinks(base, board.id, tokens),
        }
        sendJson(res, 201, created)
      } catch (error) {
        if (error instanceof UnknownTemplateError) {
          throw new HttpError(400, 'unknown_template', error.message)
        }
        throw error
      }
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/boards\/([^/]*)\/rotate$/,
    async handle({ req, res, params, context }) {
      const id = params[0]!
      if (!isValidBoardId(id)) throw new HttpError(400, 'invalid_id', 'malformed board id')
      if (!(await context.storage.getBoard(id)))
        throw new HttpError(404, 'not_found', 'no such board')
      if (await context.storage.workshopOfBoard(id)) {
        throw new HttpError(409, 'workshop_board', "rotate the workshop's links instead")
      }
      const access = allow(await context.access.authorizeBoard(req, id), 'facilitator')
      const body = rotateBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw new HttpError(400, 'invalid_body', body.error.issues[0]!.message)
      const rotation = rotateToken(
        await context.storage.tokensOf(id),
        body.data.role,
        access.token!,
      )
      await context.storage.replaceTokens(rotation.replaced)
      closeCredentialEverywhere(context, rotation.revokedId)
      context.log.info({ room: id, role: body.data.role }, 'token rotated')
      const response: RotatedBoardLinks = {
        links: boardLinks(baseUrl(context.config, req), id, rotation.tokens),
      }
      sendJson(res, 200, response)
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/boards\/([^/]*)$/,
    async handle({ req, res, params, context }) {
      const id = params[0]!
      if (!isValidBoardId(id)) throw new HttpError(400, 'invalid_id', 'malformed board id')
      const board = await context.storage.getBoard(id)
      if (!board) throw new HttpError(404, 'not_found', 'no such board')
      const access = allow(
        await identifyWriter(context.access, context.storage, req, id),
        ...EVERY_ROLE,
      )
      const base = baseUrl(context.config, req)
      const workshopId = await context.storage.workshopOfBoard(id)
      const kind = (await context.storage.boardPlace(id))?.kind
      const syncParams: Record<string, string> = {}
      if (access.token) syncParams.token = access.token
      const participantKey = new URL(req.url ?? '/', 'http://localhost').searchParams.get(
        'participant',
      )
      if (access.participantId && participantKey) syncParams.participant = participantKey
      const writer = { boardId: id, role: access.role, participantId: access.participantId }
      const info: BoardAccessInfo = {
        ...boardInfo(base, board, syncParams),
        role: access.role,
        canWrite: writeDenial(await writeContextFor(context.storage, writer), []) === undefined,
      }
      if (kind) info.kind = kind
      if (workshopId) info.workshopId = workshopId
      else if (access.role === 'facilitator' && access.token) {
        info.links = boardLinks(
          base,
          id,
          revealTokens(await context.storage.tokensOf(id), access.token),
        )
      }
      sendJson(res, 200, info)
    },
  },
]
