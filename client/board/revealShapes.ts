import { Box, type Editor, type TLShapeId } from 'tldraw'

/** Room around revealed shapes, in screen pixels, so they do not touch the canvas's edges. */
const INSET = 64

/**
 * Moves the view to shapes that were just added (a new cluster, an import, a template) when
 * they are not already wholly in view, never zooming in past 100 %.
 */
export function revealShapes(editor: Editor, ids: readonly TLShapeId[]) {
  const boxes = ids
    .map((id) => editor.getShapePageBounds(id))
    .filter((box): box is Box => box !== undefined)
  if (boxes.length === 0) return
  const bounds = Box.Common(boxes)
  if (editor.getViewportPageBounds().contains(bounds)) return
  editor.zoomToBounds(bounds, { targetZoom: 1, inset: INSET, animation: { duration: 300 } })
}

/** How long a request may take, and then how long its shapes may still be on their way. */
const REQUEST_WAIT_MS = 60_000
const ARRIVAL_WAIT_MS = 10_000

/**
 * Collects the top-level shapes that arrive from the server from now on; `reveal` (called when
 * the request that adds them has answered) moves the view to them, or to the first ones to
 * arrive after it. The server writes an import into the doc and answers; the shapes reach this
 * browser through sync, just before or just after the answer.
 */
export function watchArrivals(editor: Editor): { reveal(): void } {
  const arrived = new Set<TLShapeId>()
  let revealing = false
  let frame = 0
  const show = () => {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(() => revealShapes(editor, [...arrived]))
  }
  const stop = editor.store.listen(
    ({ changes }) => {
      for (const record of Object.values(changes.added)) {
        if (record.typeName === 'shape' && record.parentId === editor.getCurrentPageId()) {
          arrived.add(record.id)
        }
      }
      if (revealing && arrived.size > 0) show()
    },
    { source: 'remote', scope: 'document' },
  )
  let timer = setTimeout(stop, REQUEST_WAIT_MS)
  return {
    reveal() {
      revealing = true
      if (arrived.size > 0) show()
      clearTimeout(timer)
      timer = setTimeout(stop, ARRIVAL_WAIT_MS)
    },
  }
}
