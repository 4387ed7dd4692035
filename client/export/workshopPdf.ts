// The unseen editor lays text out with tldraw's styles, which the facilitator page lacks.
import 'tldraw/tldraw.css'
import type { TLAssetStore } from 'tldraw'
import type { BoardRecords } from '../../shared/captureContracts'
import { assetUrls, shapeUtils } from '../board/boardShapes'
import { renderBoardImage } from '../capture/renderBoardImage'
import { sendRequest } from '../common/boardRequest'
import { pdfFromImages, type PdfPage } from './pdfFromImages'

/** Rendering only resolves images that are already on the server; nothing is uploaded. */
const readOnlyAssets: TLAssetStore = {
  upload: () => Promise.reject(new Error('exports upload nothing')),
}

/**
 * The workshop's boards (groups, plenary, recorder board) as one PDF, a page each, drawn in
 * this browser with tldraw's export. Empty boards have no page. `onProgress` counts boards.
 */
export async function workshopPdf(
  boards: readonly { id: string }[],
  token: string,
  title: string,
  onProgress: (done: number, total: number) => void,
): Promise<Blob> {
  const pages: PdfPage[] = []
  for (const [i, board] of boards.entries()) {
    onProgress(i + 1, boards.length)
    const query = new URLSearchParams({ token }).toString()
    const { records } = await sendRequest<BoardRecords>(
      `/api/boards/${encodeURIComponent(board.id)}/records?${query}`,
      { method: 'GET' },
    )
    const image = await renderBoardImage(records, {
      shapeUtils,
      assets: readOnlyAssets,
      fonts: assetUrls.fonts,
    })
    if (image) pages.push({ png: image.blob, width: image.width, height: image.height })
  }
  return pdfFromImages(pages, title)
}
