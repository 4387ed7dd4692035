import type { Editor, TLNoteShape, TLShapePartial, TLShapeId } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { FITTER_FIELD, isElectedFitter } from './fitterElection'

/**
 * tldraw grows a note to fit its text only when the note is created or edited in this
 * browser. Notes written by the server (imports, templates, the plenary gathering) or by
 * the outline arrive at their base size, so their text would spill out under the badge.
 * One editing client, elected by awareness (fitterElection.ts), fits such notes: once when
 * it opens the board, after first paint, and then the notes that arrive. Everyone else only
 * reads, so opening a board writes nothing into the shared doc.
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
      const adjusted = util.onBeforeCreate?.(shape)
      if (adjusted) updates.push({ id, type: 'note', props: adjusted.props })
    }
    if (updates.length === 0) return
    editor.run(() => editor.updateShapes(updates), { history: 'ignore' })
  }

  awareness.setLocalStateField(FITTER_FIELD, true)
  let stopListening = () => {}
  // Measuring every note's text is slow on a big board: never before the board has painted,
  // and by then the awareness states of the others present have arrived.
  const idle = requestIdleCallback(
    () => {
      fit(editor.getCurrentPageShapeIds())
      stopListening = editor.store.listen(
        ({ changes }) => {
          const touched = [...Object.keys(changes.added), ...Object.keys(changes.updated)]
          fit(touched.filter((id) => id.startsWith('shape:')) as TLShapeId[])
        },
        { source: 'remote', scope: 'document' },
      )
    },
    { timeout: 5000 },
  )
  return () => {
    cancelIdleCallback(idle)
    stopListening()
    if (awareness.getLocalState()) awareness.setLocalStateField(FITTER_FIELD, false)
  }
}
