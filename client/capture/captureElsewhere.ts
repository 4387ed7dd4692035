import type { TFunction } from 'i18next'
import type { Editor } from 'tldraw'
import { captureLabel } from '../../shared/capture/captureLabel'
import type { BoardInfo } from '../../shared/contracts'
import type { BoardAccessInfo } from '../../shared/workshopContracts'
import { uploadImage } from '../assets/assetStore'
import { api } from '../common/api'
import type { BoardLinkTarget } from './boardLinkTarget'
import { placeCaptureOn } from './captureApi'
import { imageOfShapes } from './renderBoardImage'
import { captureAlt, clockTime } from './useCapture'

/**
 * Draws the selection (or the whole page) of the open board and places it on `target` with
 * that link's rights: upload to the target's assets, then `POST …/captures`. Either step may
 * be refused by the server (403 for a link that may not write there). Undefined when empty.
 */
export async function captureElsewhere(
  editor: Editor,
  board: BoardInfo,
  target: BoardLinkTarget,
  strings: { t: TFunction; language: string },
): Promise<BoardAccessInfo | undefined> {
  const info = await api.board(target.id, target.token)
  const selected = editor.getSelectedShapeIds()
  const ids = selected.length > 0 ? selected : [...editor.getCurrentPageShapeIds()]
  const image = await imageOfShapes(editor, ids)
  if (!image) return undefined
  const { src } = await uploadImage(info, image.blob)
  const what = { board: board.title, time: clockTime(Date.now(), strings.language) }
  await placeCaptureOn(info, {
    src,
    width: image.width,
    height: image.height,
    label: captureLabel(what),
    altText: captureAlt(strings.t, what),
    sourceBoardId: board.id,
  })
  return info
}
