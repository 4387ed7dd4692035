import type { TLAssetStore } from 'tldraw'
import type { UploadedAsset } from '../../shared/assetContracts'
import type { BoardInfo } from '../../shared/contracts'
import { boardPath, sendRequest } from '../common/boardRequest'

/**
 * Images go to our own server (never a data: URL in the shared doc, never another host): the
 * server checks the bytes, strips metadata and answers with a path on our origin. Drag and
 * drop, paste, the file picker and the iPad camera all arrive here through tldraw.
 */
export function serverAssetStore(board: BoardInfo): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      const uploaded = await uploadImage(board, file, abortSignal)
      return { src: uploaded.src }
    },
  }
}

export function uploadImage(board: BoardInfo, file: Blob, signal?: AbortSignal) {
  return sendRequest<UploadedAsset>(boardPath(board, '/assets'), {
    method: 'POST',
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
    signal,
  })
}
