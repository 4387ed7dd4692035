import { NoteShapeUtil, type TLNoteShape } from 'tldraw'
import { isFactorRecord } from '../../../shared/factors/readFactor'
import { keepWordsWhole } from './keepWordsWhole'
import { PolarityBadge } from './PolarityBadge'
import { asRecordJson } from './records'
import './factors.css'

/** Room around a note's text; more than tldraw's default, so the badge never covers a word. */
const LABEL_PADDING = 26

/**
 * tldraw's note, unchanged in type, with the factor's polarity badge on top (a template's rule
 * notes are no factors and get none); its text shrinks rather than break a word in the middle.
 */
class FactorNote extends NoteShapeUtil {
  override onBeforeCreate(next: TLNoteShape) {
    const sized = super.onBeforeCreate(next)
    return keepWordsWhole(this, sized ?? next) ?? sized
  }

  override onBeforeUpdate(prev: TLNoteShape, next: TLNoteShape) {
    const sized = super.onBeforeUpdate(prev, next)
    if (!sized) return undefined
    return keepWordsWhole(this, sized) ?? sized
  }

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
