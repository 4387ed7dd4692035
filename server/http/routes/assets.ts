import { ASSET_PATH, type UploadedAsset } from '../../../shared/assetContracts'
import { ImageRejected, processImage } from '../../assets/processImage'
import { sniffImage } from '../../assets/sniffImage'
import { newId } from '../../boards/BoardService'
import { authorizeBoardWrite } from '../boardAccess'
import { HttpError, readBodyBytes, sendJson } from '../respond'
import type { Route } from '../Route'

const notAnImage = () =>
  new HttpError(415, 'unsupported_media_type', 'send a PNG, JPEG, WebP or GIF image')

export const assetRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/boards\/([^/]*)\/assets$/,
    async handle({ req, res, params, context }) {
      const boardId = params[0]!
      await authorizeBoardWrite(req, context, boardId)
      const input = await readBodyBytes(req, context.config.maxAssetBytes)
      const type = sniffImage(input)
      if (!type) {
        context.log.warn({ room: boardId, reason: 'notAnImage' }, 'upload refused')
        throw notAnImage()
      }
      let image
      try {
        image = await processImage(input, type)
      } catch (error) {
        if (!(error instanceof ImageRejected)) throw error
        context.log.warn(
          { room: boardId, reason: 'undecodable', detail: error.message },
          'upload refused',
        )
        throw notAnImage()
      }
      const id = newId(16)
      await context.storage.saveAsset({
        id,
        boardId,
        type: image.type,
        data: image.bytes,
        createdAt: Date.now(),
      })
      context.log.info({ room: boardId, asset: id, bytes: image.bytes.length }, 'image stored')
      const uploaded: UploadedAsset = {
        src: `${ASSET_PATH}${id}`,
        type: image.type,
        width: image.width,
        height: image.height,
        bytes: image.bytes.length,
      }
      sendJson(res, 201, uploaded)
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/assets\/([A-Za-z0-9_-]{1,64})$/,
    async handle({ res, params, context }) {
      const asset = await context.storage.getAsset(params[0]!)
      if (!asset) throw new HttpError(404, 'not_found', 'no such image')
      res.writeHead(200, {
        'Content-Type': asset.type,
        'Content-Length': asset.data.length,
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': 'inline',
        // Opened on its own, the image may run nothing and load nothing.
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, max-age=86400',
        'Cross-Origin-Resource-Policy': 'same-origin',
      })
      res.end(asset.data)
    },
  },
]
