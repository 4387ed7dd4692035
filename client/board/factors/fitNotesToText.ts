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

  /** The new size of each note in `ids` that does not fit its text (none when all fit). */
  const measure = (ids: Iterable<TLShapeId>) => {
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
    return updates
  }
  const apply = (updates: TLShapePartial<TLNoteShape>[]) => {
    if (updates.length === 0 || !elected()) return
    editor.run(() => editor.updateShapes(updates), { history: 'ignore' })
    restackPlenaryFrames(
      editor,
      updates.map((update) => update.id),
    )
  }

  awareness.setLocalStateField(FITTER_FIELD, true)
  let stopListening = () => {}
  let stopped = false
  let idle: number | undefined
  /**
   * Every note on the page, measured in slices while the browser is idle: measuring a note's
   * text forces a layout of the whole page, so one pass over a big board in one go held the
   * notes' first paint for as long as it took (about 300 ms for 300 notes).
   */
  const fitPage = (pending: TLShapeId[], updates: TLShapePartial<TLNoteShape>[]) => {
    idle = requestIdleCallback(
      (deadline) => {
        if (stopped) return
        if (!elected()) return void (measuringPage = false)
        // At least one note per slice, so a page that is never idle still gets through.
        do updates.push(...measure(pending.splice(0, 1)))
        while (pending.length > 0 && deadline.timeRemaining() > 2)
        if (pending.length > 0) return fitPage(pending, updates)
        // A note that changed meanwhile was measured again as it arrived.
        apply(updates.filter((update) => !arrived.has(update.id)))
        measuringPage = false
        arrived.clear()
      },
      { timeout: 5000 },
    )
  }
  /** Notes that arrived (or changed) while the page was being measured. */
  const arrived = new Set<TLShapeId>()
  let measuringPage = false
  const listenForArrivals = () => {
    stopListening = editor.store.listen(
      ({ changes }) => {
        if (!elected()) return
        const touched = [...Object.keys(changes.added), ...Object.keys(changes.updated)]
        const notes = touched.filter((id) => id.startsWith('shape:')) as TLShapeId[]
        if (measuringPage) for (const id of notes) arrived.add(id)
        apply(measure(notes))
      },
      { source: 'remote', scope: 'document' },
    )
  }
  // Never before the board has painted, and by then the awareness states of the others
  // present have arrived. Text measured before the notes' font has loaded is measured in a
  // fallback font.
  idle = requestIdleCallback(
    () =>
      void editor.fonts.loadRequiredFontsForCurrentPage().then(() => {
        if (stopped) return
        listenForArrivals()
        if (!elected()) return
        measuringPage = true
        fitPage([...editor.getCurrentPageShapeIds()], [])
      }),
    { timeout: 5000 },
  )
  return () => {
    stopped = true
    if (idle !== undefined) cancelIdleCallback(idle)
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
