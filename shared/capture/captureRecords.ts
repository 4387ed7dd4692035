import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import type { RecordJson } from '../board/boardDoc'
import { PAGE_ID } from '../board/shapeRecords'
import type { CaptureMeta } from '../captureContracts'
import type { Rect } from '../factors/rect'

/** How wide a capture sits on the board; the image keeps its aspect ratio. */
const SHOWN_WIDTH = 640
const FRAME_PADDING = 24
const GAP = 80
const PER_ROW = 3

export interface CaptureToPlace {
  /** Where the uploaded image is served on our origin (`/api/assets/<id>`). */
  src: string
  width: number
  height: number
  label: string
  altText: string
  /** The live board the image shows, linked from the image (no token: each person uses theirs). */
  sourceUrl: string
  meta: CaptureMeta
}

interface Layout {
  /** What the page holds already; the captures go below it. */
  occupied: Rect | undefined
  /** The highest shape index on the page, so the captures sit on top. */
  topIndex: string | undefined
  /** The page they go on; boards made by the server and tldraw's first page are `page:page`. */
  pageId?: string
  newId: (kind: 'shape' | 'asset') => string
}

/**
 * The records of captures: per capture an image asset, a locked frame named by its label
 * and the locked image inside it, a row of three at a time below what the board holds. Locked
 * so a stray pen stroke on the iPad cannot move them; the recorder draws on top. The same
 * records whether the recorder's browser places them or the server does (`POST …/captures`).
 */
export function captureRecords(captures: readonly CaptureToPlace[], layout: Layout): RecordJson[] {
  const top = layout.occupied ? layout.occupied.y + layout.occupied.h + GAP : 0
  const left = layout.occupied ? layout.occupied.x : 0
  let index = layout.topIndex as IndexKey | undefined
  let rowTop = top
  let rowHeight = 0
  return captures.flatMap((capture, i): RecordJson[] => {
    if (i > 0 && i % PER_ROW === 0) {
      rowTop += rowHeight + GAP
      rowHeight = 0
    }
    const w = SHOWN_WIDTH
    const h = Math.max(1, Math.round((capture.height / capture.width) * SHOWN_WIDTH))
    const frame = { w: w + 2 * FRAME_PADDING, h: h + 2 * FRAME_PADDING }
    rowHeight = Math.max(rowHeight, frame.h)
    index = getIndexAbove(index)
    const assetId = layout.newId('asset')
    const frameId = layout.newId('shape')
    const shape = { typeName: 'shape', rotation: 0, isLocked: true, opacity: 1, meta: capture.meta }
    return [
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
      {
        ...shape,
        id: frameId,
        type: 'frame',
        x: left + (i % PER_ROW) * (frame.w + GAP),
        y: rowTop,
        index,
        parentId: layout.pageId ?? PAGE_ID,
        props: { ...frame, name: capture.label, color: 'black' },
      },
      {
        ...shape,
        id: layout.newId('shape'),
        type: 'image',
        x: FRAME_PADDING,
        y: FRAME_PADDING,
        index: 'a1',
        parentId: frameId,
        props: {
          assetId,
          w,
          h,
          playing: true,
          url: capture.sourceUrl,
          crop: null,
          flipX: false,
          flipY: false,
          altText: capture.altText,
        },
      },
    ]
  })
}
