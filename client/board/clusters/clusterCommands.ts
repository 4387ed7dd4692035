import { createShapeId, type Editor, type TLFrameShape, type TLShape, type TLShapeId } from 'tldraw'
import { findFreeSpot } from '../../../shared/factors/findFreeSpot'
import { isCluster } from '../../../shared/factors/isCluster'
import { newClusterSize } from '../../../shared/factors/newClusterSize'
import { boundsOf } from '../../../shared/factors/rect'
import { tidyCluster } from '../../../shared/factors/tidyCluster'
import { asRecordJson } from '../factors/records'
import { revealShapes } from '../revealShapes'

function isFrame(shape: TLShape | undefined): shape is TLFrameShape {
  return shape?.type === 'frame'
}

/** The cluster the selection is in: a selected cluster frame, or the cluster of a selected note. */
export function selectedCluster(editor: Editor): TLFrameShape | undefined {
  for (const shape of editor.getSelectedShapes()) {
    const candidate = isFrame(shape) ? shape : editor.getShape(shape.parentId as TLShapeId)
    if (isFrame(candidate) && isCluster(asRecordJson(candidate))) return candidate
  }
  return undefined
}

/** Re-flows a cluster's notes into a neat grid (by polarity, in key-area clusters by half). */
export function tidy(editor: Editor, frameId: TLShapeId) {
  const frame = editor.getShape(frameId)
  if (!isFrame(frame)) return
  const children = editor
    .getSortedChildIdsForParent(frameId)
    .map((id) => editor.getShape(id))
    .filter((child): child is TLShape => child !== undefined)
  const placements = tidyCluster(asRecordJson(frame), children.map(asRecordJson))
  editor.updateShapes(
    placements.map(({ id, x, y, scale }) => ({
      id: id as TLShapeId,
      type: 'note',
      x,
      y,
      props: { scale },
    })),
  )
}

/**
 * Creates a cluster frame in free space on the page, moves the given notes into it in a
 * neat grid, and selects it. Returns the new frame's id.
 */
export function createCluster(editor: Editor, name: string, noteIds: readonly TLShapeId[] = []) {
  const size = newClusterSize(noteIds.length)
  const occupied = editor
    .getCurrentPageShapes()
    .filter((shape) => shape.parentId === editor.getCurrentPageId())
    .map((shape) => editor.getShapePageBounds(shape))
    .filter((bounds) => bounds !== undefined)
    .map(({ x, y, w, h }) => ({ x, y, w, h }))
  const board = boundsOf(occupied)
  const origin = board ?? editor.getViewportPageBounds().center
  const spot = findFreeSpot(occupied, size, { x: origin.x, y: origin.y })
  const id = createShapeId()
  editor.markHistoryStoppingPoint('create cluster')
  editor.run(() => {
    editor.createShape<TLFrameShape>({
      id,
      type: 'frame',
      ...spot,
      props: { ...size, name, color: 'black' },
      meta: { kind: 'cluster' },
    })
    if (noteIds.length > 0) {
      editor.reparentShapes([...noteIds], id)
      tidy(editor, id)
    }
  })
  editor.select(id)
  revealShapes(editor, [id])
  return id
}
