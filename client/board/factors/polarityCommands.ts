import type { Editor, TLNoteShape, TLShape, TLShapeId } from 'tldraw'
import type { Polarity } from '../../../shared/factors/Factor'
import { nextPolarity } from '../../../shared/factors/polarity'
import { moveOffContradictedSide, withPolarity } from '../../../shared/factors/placeNote'
import { isFactorRecord } from '../../../shared/factors/readFactor'
import { asRecordJson, factorOf, pageRecords } from './records'

function isNote(shape: TLShape | undefined): shape is TLNoteShape {
  return shape?.type === 'note' && isFactorRecord(asRecordJson(shape))
}

/**
 * Gives notes a polarity: in their meta (what the domain reads) and as their colour. A note
 * lying on a side of the board of the other polarity moves to where it now belongs.
 */
export function setPolarity(editor: Editor, ids: readonly TLShapeId[], polarity: Polarity) {
  for (const note of ids.map((id) => editor.getShape(id)).filter(isNote)) {
    const moved = moveOffContradictedSide(pageRecords(editor), asRecordJson(note), polarity)
    editor.updateShapes<TLNoteShape>(
      (moved ?? [withPolarity(asRecordJson(note), polarity)]).map(
        (record) => record as unknown as TLNoteShape,
      ),
    )
  }
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
