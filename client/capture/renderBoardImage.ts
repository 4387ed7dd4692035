import {
  createTLStore,
  defaultAddFontsFromNode,
  defaultBindingUtils,
  Editor,
  tipTapDefaultExtensions,
  type TLAnyShapeUtilConstructor,
  type TLAssetStore,
  type TLRecord,
  type TLShapeId,
} from 'tldraw'
import type { RecordJson } from '../../shared/board/boardDoc'

/** Wide enough to read every note on a projector, small enough to upload quickly. */
const MAX_WIDTH = 2400

export interface RenderedImage {
  blob: Blob
  width: number
  height: number
}

/**
 * Draws a board's records as a PNG with tldraw's own export, in an editor that is never
 * shown and never synced: the same shapes (our factor notes and clusters with their badges)
 * and fonts as the live canvas, without touching any board. Undefined for an empty board.
 */
export async function renderBoardImage(
  records: readonly RecordJson[],
  options: {
    shapeUtils: readonly TLAnyShapeUtilConstructor[]
    assets: TLAssetStore
    fonts?: Record<string, string>
    /** Only these shapes (e.g. one cluster, which takes its notes along); else the whole page. */
    shapeIds?: readonly string[]
  },
): Promise<RenderedImage | undefined> {
  const store = createTLStore({ shapeUtils: options.shapeUtils, assets: options.assets })
  store.mergeRemoteChanges(() => store.put(records as unknown as TLRecord[]))
  const container = document.createElement('div')
  container.className = 'tl-container tl-theme__light capture-render'
  container.setAttribute('aria-hidden', 'true')
  const inner = document.createElement('div')
  container.appendChild(inner)
  document.body.appendChild(container)
  const editor = new Editor({
    store,
    shapeUtils: options.shapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [],
    getContainer: () => inner,
    fontAssetUrls: options.fonts,
    // What <Tldraw> sets up by itself: rich text (note texts) and the fonts it uses.
    options: {
      text: {
        tipTapConfig: { extensions: tipTapDefaultExtensions },
        addFontsFromNode: defaultAddFontsFromNode,
      },
    },
  })
  try {
    const ids = options.shapeIds
      ? options.shapeIds.map((id) => id as TLShapeId).filter((id) => editor.getShape(id))
      : [...editor.getCurrentPageShapeIds()]
    return await imageOfShapes(editor, ids)
  } finally {
    editor.dispose()
    container.remove()
  }
}

/** `ids` drawn as a PNG by tldraw's export, at most MAX_WIDTH wide. Undefined when empty. */
export async function imageOfShapes(
  editor: Editor,
  ids: readonly TLShapeId[],
): Promise<RenderedImage | undefined> {
  const bounds = editor.getShapesPageBounds([...ids])
  if (ids.length === 0 || !bounds) return undefined
  const image = await editor.toImage([...ids], {
    format: 'png',
    background: true,
    padding: 32,
    scale: Math.min(1, MAX_WIDTH / bounds.w),
    pixelRatio: 1,
  })
  return { blob: image.blob, width: image.width, height: image.height }
}
