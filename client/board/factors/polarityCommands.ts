import type { Editor, TLNoteShape, TLShape, TLShapeId } from 'tldraw'
import type { Polarity } from '../../../shared/factors/Factor'
import { nextPolarity, polarityColour } from '../../../shared/factors/polarity'
import { factorOf } from './records'

function isNote(shape: TLShape | undefined): shape is TLNoteShape {
  return shape?.type === 'note'
}

/** Gives notes a polarity: in their meta (what the domain reads) and as their colour. */
export function setPolarity(editor: Editor, ids: readonly TLShapeId[], polarity: Polarity) {
  const notes = ids.map((id) => editor.getShape(id)).filter(isNote)
  editor.updateShapes<TLNoteShape>(
    notes.map((note) => ({
      id: note.id,
      type: 'note',
      meta: { ...note.meta, polarity },
      props: { color: polarityColour[polarity] },
    })),
  )
}

/**
 * One step along undecided → hindering → enabling. With several notes selected, all take
 * the step of the first, so a mixed selection ends up alike instead of staying mixed.
 */
export function cyclePolarity(editor: Editor, ids: readonly TLShapeId[]) {
  const first = ids.map((id) => editor.getShape(id)).find(isNote)
  if (!first) return
  editor.markHistoryStoppingPoint('switch polarity')
  setPolarity(editor, ids, nextPolarity(factorOf(first).polarity))
}
