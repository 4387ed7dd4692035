import { z } from 'zod'
import { ASSET_PATH } from '../../../shared/assetContracts'
import { isValidBoardId } from '../../../shared/board/boardId'
import type { PlacedCapture } from '../../../shared/captureContracts'
import { placeCapturesInDoc } from '../../../shared/capture/placeCapturesInDoc'
import { newId } from '../../boards/BoardService'
import { baseUrl } from '../api'
import { authorizeBoardWrite, costOf, withBoardDoc } from '../boardAccess'
import { HttpError, readJson, sendJson } from '../respond'
import type { Route } from '../Route'

const JSON_LIMIT = 16 * 1024
/** Larger than any capture (2400 px wide) and any image the asset route keeps (4096 px). */
const MAX_SIDE = 10_000

const placeBody = z.object({
  src: z.string().startsWith(ASSET_PATH).max(200),
  width: z.number().int().positive().max(MAX_SIDE),
  height: z.number().int().positive().max(MAX_SIDE),
  label: z.string().trim().min(1).max(200),
  altText: z.string().trim().max(500),
  sourceBoardId: z.string().refine(isValidBoardId, 'malformed board id'),
})

/**
 * A capture made on another board lands here (a standalone board captured into any board the
 * person may edit): the write policy decides, as for every write; the image must already be
 * one of the target board's assets, so nothing from elsewhere is linked in.
 */
export const captureRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/boards\/([^/]*)\/captures$/,
    async handle({ req, res, params, context }) {
      const boardId = params[0]!
      await authorizeBoardWrite(req, context, boardId)
      const body = placeBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw new HttpError(400, 'invalid_body', body.error.issues[0]!.message)
      const capture = body.data
      const asset = await context.storage.getAsset(capture.src.slice(ASSET_PATH.length))
      if (asset?.boardId !== boardId) {
        throw new HttpError(400, 'invalid_body', 'src is no image of this board; upload it first')
      }
      const sourceUrl = `${baseUrl(context.config, req)}/b/${encodeURIComponent(capture.sourceBoardId)}`
      const capturedAt = Date.now()
      const [frameId] = await withBoardDoc(
        context,
        boardId,
        (doc) =>
          placeCapturesInDoc(
            doc,
            [
              {
                ...capture,
                sourceUrl,
                meta: {
                  captureOf: capture.sourceBoardId,
                  captureLabel: capture.label,
                  capturedAt,
                },
              },
            ],
            (kind) => `${kind}:${newId(12)}`,
          ),
        costOf(3, Buffer.byteLength(capture.label + capture.altText + sourceUrl)),
      )
      context.log.info({ room: boardId, from: capture.sourceBoardId }, 'capture placed')
      const placed: PlacedCapture = { frameId: frameId! }
      sendJson(res, 201, placed)
    },
  },
]
