import type { Editor, TLShape } from 'tldraw'
import { FACILITATOR_LOCK_META_KEY } from '../../../shared/workshopContracts'

export const isFacilitatorLocked = (shape: TLShape) =>
  shape.meta?.[FACILITATOR_LOCK_META_KEY] === true

/**
 * For everyone but the facilitator: a locked shape cannot be changed or deleted here either.
 * The server refuses such changes anyway; this keeps an honest participant from sending one.
 */
export function keepFacilitatorLocks(editor: Editor): () => void {
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next) =>
    isFacilitatorLocked(prev) || isFacilitatorLocked(next) ? prev : next,
  )
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape) =>
    isFacilitatorLocked(shape) ? false : undefined,
  )
  return () => {
    stopChange()
    stopDelete()
  }
}

/** The facilitator locks (or unlocks) the selected shapes for participants. */
export function toggleFacilitatorLock(editor: Editor) {
  const shapes = editor.getSelectedShapes()
  if (shapes.length === 0) return
  const lock = !shapes.every(isFacilitatorLocked)
  editor.updateShapes(
    shapes.map((shape) => ({
      id: shape.id,
      type: shape.type,
      isLocked: lock,
      meta: { ...shape.meta, [FACILITATOR_LOCK_META_KEY]: lock },
    })),
  )
}
