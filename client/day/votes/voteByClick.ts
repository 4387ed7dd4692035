import type { Editor, TLEventInfo, TLShape, VecLike } from 'tldraw'
import type { VoteTarget } from '../../../shared/workshopContracts'

/** Further than this (screen pixels) between press and release is a pan, not a click. */
const CLICK_SLOP = 6

/** The note, or the cluster (a cluster frame around the point), a click means. */
function itemAt(editor: Editor, screenPoint: VecLike, target: VoteTarget): TLShape | undefined {
  const point = editor.screenToPage(screenPoint)
  const hit = editor.getShapeAtPoint(point, { hitInside: true, hitFrameInside: true })
  if (!hit) return undefined
  if (target === 'notes') return hit.type === 'note' ? hit : undefined
  const chain = [hit, ...editor.getShapeAncestors(hit)]
  return chain.find((shape) => shape.type === 'frame' && shape.meta?.kind === 'cluster')
}

/**
 * While a vote runs, a click on a note (or inside a cluster) casts a vote and a Shift-click
 * takes one back. The editor is read-only meanwhile, so a click only ever votes.
 */
export function voteByClick(
  editor: Editor,
  target: VoteTarget,
  cast: (itemId: string, delta: 1 | -1) => void,
): () => void {
  let pressedAt: VecLike | undefined
  const onEvent = (info: TLEventInfo) => {
    if (info.type !== 'pointer' || info.button !== 0) return
    if (info.name === 'pointer_down') pressedAt = { x: info.point.x, y: info.point.y }
    if (info.name !== 'pointer_up' || !pressedAt) return
    const moved = Math.hypot(info.point.x - pressedAt.x, info.point.y - pressedAt.y)
    pressedAt = undefined
    if (moved > CLICK_SLOP) return
    const item = itemAt(editor, info.point, target)
    if (item) cast(item.id, info.shiftKey ? -1 : 1)
  }
  editor.on('event', onEvent)
  return () => {
    editor.off('event', onEvent)
  }
}
