import type { Editor, TLNoteShape, TLShape, TLShapePartial, TLShapeId } from 'tldraw'
import { stackGatherFrame } from '../../../shared/workshop/gatherLayout'
import { asRecordJson } from './records'

/**
 * tldraw grows a note to fit its text only when the note is created or edited in this
 * browser. Notes written by the server (imports, templates, the plenary gathering) or by
 * the outline arrive at their base size, so their text would spill out under the badge.
 * This fits such notes once they arrive; every browser computes the same size. A plenary
 * frame whose notes grew is laid out again by their real sizes, so none overlap.
 */
export function fitNotesToText(editor: Editor): () => void {
  const util = editor.getShapeUtil<TLNoteShape>('note')

  const fit = (ids: Iterable<TLShapeId>) => {
    const updates: TLShapePartial<TLNoteShape>[] = []
    for (const id of ids) {
      const shape = editor.getShape<TLNoteShape>(id)
      if (shape?.type !== 'note') continue
      // The size tldraw gives a note it creates itself; undefined when it already fits.
      const adjusted = util.onBeforeCreate?.(shape)
      if (adjusted) updates.push({ id, type: 'note', props: adjusted.props })
    }
    if (updates.length === 0) return
    editor.run(() => editor.updateShapes(updates), { history: 'ignore' })
    restackPlenaryFrames(
      editor,
      updates.map((update) => update.id),
    )
  }

  fit(editor.getCurrentPageShapeIds())
  return editor.store.listen(
    ({ changes }) => {
      const touched = [...Object.keys(changes.added), ...Object.keys(changes.updated)]
      fit(touched.filter((id) => id.startsWith('shape:')) as TLShapeId[])
    },
    { source: 'remote', scope: 'document' },
  )
}

/** Gathered key-area frames (`meta.keyAreaKey`) holding `noteIds`, stacked by real sizes. */
function restackPlenaryFrames(editor: Editor, noteIds: readonly TLShapeId[]) {
  const frameIds = new Set<TLShapeId>()
  for (const id of noteIds) {
    const parent = editor.getShape(editor.getShape(id)?.parentId as TLShapeId)
    if (parent?.type === 'frame' && typeof parent.meta.keyAreaKey === 'string') {
      frameIds.add(parent.id)
    }
  }
  const changed = [...frameIds].flatMap((frameId) => {
    const children = editor
      .getSortedChildIdsForParent(frameId)
      .map((id) => editor.getShape(id))
      .filter((shape): shape is TLShape => shape !== undefined)
      .map(asRecordJson)
    return stackGatherFrame(asRecordJson(editor.getShape(frameId)!), children)
  })
  if (changed.length === 0) return
  const updates = changed.map((record) => record as unknown as TLShapePartial)
  editor.run(() => editor.updateShapes(updates), { history: 'ignore' })
}
