import { AssetRecordType, createShapeId, type Editor, type TLShapeId } from 'tldraw'
import type { CaptureMeta } from '../../shared/captureContracts'

/** How wide a capture sits on the recorder board; the image keeps its aspect ratio. */
const SHOWN_WIDTH = 640
const FRAME_PADDING = 24
const GAP = 80
const PER_ROW = 3

export interface CaptureToPlace {
  src: string
  width: number
  height: number
  label: string
  altText: string
  /** The live board the image shows, linked from the image (no token: each person uses theirs). */
  sourceUrl: string
  meta: CaptureMeta
}

/**
 * Puts captures on the recorder board below what is there, a row of three at a time, each
 * image inside a frame named by its label. Both are locked so a stray pen stroke on the iPad
 * cannot move them; the recorder draws on top. Returns the frames' ids.
 */
export function placeCaptures(editor: Editor, captures: readonly CaptureToPlace[]): TLShapeId[] {
  const page = editor.getCurrentPageBounds()
  const top = page ? page.maxY + GAP : 0
  const left = page ? page.minX : 0
  const frameIds: TLShapeId[] = []
  let rowTop = top
  let rowHeight = 0
  editor.run(() => {
    captures.forEach((capture, i) => {
      if (i > 0 && i % PER_ROW === 0) {
        rowTop += rowHeight + GAP
        rowHeight = 0
      }
      const w = SHOWN_WIDTH
      const h = Math.round((capture.height / capture.width) * SHOWN_WIDTH)
      const assetId = AssetRecordType.createId()
      editor.createAssets([
        {
          id: assetId,
          typeName: 'asset',
          type: 'image',
          props: {
            src: capture.src,
            w: capture.width,
            h: capture.height,
            name: `${capture.label}.png`,
            isAnimated: false,
            mimeType: 'image/png',
          },
          meta: {},
        },
      ])
      const frameId = createShapeId()
      const imageId = createShapeId()
      const frame = { w: w + 2 * FRAME_PADDING, h: h + 2 * FRAME_PADDING }
      editor.createShape({
        id: frameId,
        type: 'frame',
        x: left + (i % PER_ROW) * (frame.w + GAP),
        y: rowTop,
        props: { ...frame, name: capture.label },
        meta: capture.meta,
      })
      editor.createShape({
        id: imageId,
        type: 'image',
        parentId: frameId,
        x: FRAME_PADDING,
        y: FRAME_PADDING,
        props: { assetId, w, h, url: capture.sourceUrl, altText: capture.altText },
        meta: capture.meta,
      })
      editor.updateShapes([
        { id: imageId, type: 'image', isLocked: true },
        { id: frameId, type: 'frame', isLocked: true },
      ])
      rowHeight = Math.max(rowHeight, frame.h)
      frameIds.push(frameId)
    })
  })
  return frameIds
}
