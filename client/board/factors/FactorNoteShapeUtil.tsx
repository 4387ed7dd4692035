import { NoteShapeUtil, type TLNoteShape } from 'tldraw'
import { isFactorRecord } from '../../../shared/factors/readFactor'
import { PolarityBadge } from './PolarityBadge'
import { asRecordJson } from './records'
import './factors.css'

/** Room around a note's text; more than tldraw's default, so the badge never covers a word. */
const LABEL_PADDING = 26

/**
 * tldraw's note, unchanged in behaviour and type, with the factor's polarity badge on top
 * (a template's rule notes are no factors and get none).
 */
class FactorNote extends NoteShapeUtil {
  override component(note: TLNoteShape) {
    return (
      <>
        {super.component(note)}
        {isFactorRecord(asRecordJson(note)) && <PolarityBadge note={note} />}
      </>
    )
  }
}

export const FactorNoteShapeUtil = FactorNote.configure({
  getCustomDisplayValues: () => ({ labelPadding: LABEL_PADDING }),
})
