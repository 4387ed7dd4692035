import { importFactors } from '../../../shared/factors/factorOps'
import { decodeImport, parseFactorCsv, parseFactorList } from '../../../shared/factors'
import { newId } from '../../boards/BoardService'
import { authorizeBoardWrite, costOf, withBoardDoc } from '../boardAccess'
import { HttpError, readBodyBytes, requestLanguage, sendJson } from '../respond'
import type { Route } from '../Route'

const IMPORT_LIMIT = 1024 * 1024

/** The parser for a body's media type: a pasted list (one factor a line) or a CSV file. */
function parserFor(contentType: string | undefined) {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (mediaType === 'text/plain') return parseFactorList
  if (mediaType === 'text/csv') return parseFactorCsv
  throw new HttpError(415, 'unsupported_media_type', 'send text/plain or text/csv')
}

export const importRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/boards\/([^/]*)\/import$/,
    async handle({ req, res, params, context }) {
      const id = params[0]!
      await authorizeBoardWrite(req, context, id)
      const parse = parserFor(req.headers['content-type'])
      const language = requestLanguage(req)
      const decoded = decodeImport(await readBodyBytes(req, IMPORT_LIMIT), language)
      const text = decoded.ok ? decoded.text : ''
      const parsed = decoded.ok ? parse(text, language) : decoded
      if (!parsed.ok) {
        sendJson(res, 400, { error: parsed.code, message: parsed.message, line: parsed.line })
        return
      }
      const imported = await withBoardDoc(
        context,
        id,
        (doc) =>
          importFactors(doc, parsed.factors, { now: Date.now(), newId: () => `shape:${newId(9)}` }),
        // A cluster column may come with the factors: one frame per distinct name at most.
        costOf(parsed.factors.length * 2, Buffer.byteLength(text)),
      )
      context.log.info({ room: id, imported }, 'factors imported')
      sendJson(res, 200, { imported })
    },
  },
]
