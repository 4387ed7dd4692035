import { NoteShapeUtil, type TLNoteShape } from 'tldraw'
import { PolarityBadge } from './PolarityBadge'
import './factors.css'

/** tldraw's note, unchanged in behaviour and type, with the factor's polarity badge on top. */
export class FactorNoteShapeUtil extends NoteShapeUtil {
  override component(note: TLNoteShape) {
    return (
      <>
        {super.component(note)}
        <PolarityBadge note={note} />
      </>
    )
  }
}
