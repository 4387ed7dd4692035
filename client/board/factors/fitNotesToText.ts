import type { Editor, TLNoteShape, TLShape, TLShapePartial, TLShapeId } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { stackGatherFrame } from '../../../shared/workshop/gatherLayout'
import { FITTER_FIELD, isElectedFitter } from './fitterElection'
import { asRecordJson } from './records'

/**
 * tldraw grows a note to fit its text only when the note is created or edited in this
 * browser. Notes written by the server (imports, templates, the plenary gathering) or by
 * the outline arrive at their base size, so their text would spill out under the badge.
 * One editing client, elected by awareness (fitterElection.ts), fits such notes: once when
 * it opens the board, after first paint, and then the notes that arrive. Everyone else only
 * reads, so opening a board writes nothing into the shared doc. A plenary frame whose notes
 * grew is laid out again by their real sizes, so none overlap.
 */
export function fitNotesToText(editor: Editor, awareness: Awareness): () => void {
  const util = editor.getShapeUtil<TLNoteShape>('note')
  const elected = () => isElectedFitter(awareness.clientID, awareness.getStates())

  const fit = (ids: Iterable<TLShapeId>) => {
    if (!elected()) return
    const updates: TLShapePartial<TLNoteShape>[] = []
    for (const id of ids) {
      const shape = editor.getShape<TLNoteShape>(id)
      if (shape?.type !== 'note') continue
      // The size tldraw gives a note it creates itself; undefined when it already fits.
      // A copy: tldraw caches a note's label size per record object, and one measured
      // before the fonts loaded (while painting) would be taken for the real size.
      const adjusted = util.onBeforeCreate?.({ ...shape })
      if (adjusted) updates.push({ id, type: 'note', props: adjusted.props })
    }
    if (updates.length === 0) return
    editor.run(() => editor.updateShapes(updates), { history: 'ignore' })
    restackPlenaryFrames(
      editor,
      updates.map((update) => update.id),
    )
  }

  awareness.setLocalStateField(FITTER_FIELD, true)
  let stopListening = () => {}
  // Measuring every note's text is slow on a big board: never before the board has painted,
  // and by then the awareness states of the others present have arrived.
  let stopped = false
  const idle = requestIdleCallback(
    // Text measured before the notes' font has loaded is measured in a fallback font.
    () =>
      void editor.fonts.loadRequiredFontsForCurrentPage().then(() => {
        if (stopped) return
        fit(editor.getCurrentPageShapeIds())
        stopListening = editor.store.listen(
          ({ changes }) => {
            const touched = [...Object.keys(changes.added), ...Object.keys(changes.updated)]
            fit(touched.filter((id) => id.startsWith('shape:')) as TLShapeId[])
          },
          { source: 'remote', scope: 'document' },
        )
      }),
    { timeout: 5000 },
  )
  return () => {
    stopped = true
    cancelIdleCallback(idle)
    stopListening()
    if (awareness.getLocalState()) awareness.setLocalStateField(FITTER_FIELD, false)
  }
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
