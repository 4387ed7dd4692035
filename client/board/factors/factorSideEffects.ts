import type { Editor, TLNoteShape, TLShape } from 'tldraw'
import { isPolarity } from '../../../shared/factors/Factor'
import { isCluster } from '../../../shared/factors/isCluster'
import { polarityColour } from '../../../shared/factors/polarity'
import { polaritySides, sideHolding } from '../../../shared/factors/polaritySides'
import { NOTE_SIZE, pageBounds, recordsById } from '../../../shared/factors/shapeBounds'
import { splitSideAt } from '../../../shared/factors/splitSideAt'
import { setPolarity } from './polarityCommands'
import { asRecordJson, factorOf, pageRecords } from './records'

interface FactorContext {
  /** The name new notes are signed with; undefined on an anonymous board. */
  author(): string | undefined
}

function isNote(shape: TLShape): shape is TLNoteShape {
  return shape.type === 'note'
}

/**
 * Makes every note a factor: a note created here gets an undecided polarity, its author and
 * its time. tldraw's own last-editor attribution is cleared, since `meta.author` is the one
 * record of who wrote a note and anonymous boards must not show it. A note the user drags
 * into a half of a key-area cluster takes that half's polarity, and so does a note dragged
 * onto a side of the board (tidying and remote moves never change a polarity).
 */
export function registerFactorSideEffects(editor: Editor, context: FactorContext): () => void {
  const disposers = [
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user' || !isNote(shape)) return shape
      const props = { ...shape.props, textLastEditedBy: null }
      if (isPolarity(shape.meta.polarity)) return { ...shape, props }
      const author = context.author()
      return {
        ...shape,
        props: { ...props, color: polarityColour.undecided },
        // Other meta set before (a private draft's flag) stays.
        meta: {
          ...shape.meta,
          polarity: 'undecided',
          createdAt: Date.now(),
          ...(author ? { author } : {}),
        },
      }
    }),
    editor.sideEffects.registerBeforeChangeHandler('shape', (_prev, next, source) => {
      if (source !== 'user' || !isNote(next) || next.props.textLastEditedBy === null) return next
      return { ...next, props: { ...next.props, textLastEditedBy: null } }
    }),
    editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user' || !isNote(next) || !editor.isIn('select.translating')) return
      const moved = prev.parentId !== next.parentId || prev.x !== next.x || prev.y !== next.y
      if (moved) followHalf(editor, next)
    }),
  ]
  return () => disposers.forEach((dispose) => dispose())
}

function followHalf(editor: Editor, note: TLNoteShape) {
  const parent = editor.getShape(note.parentId as TLShape['id'])
  if (!parent || !isCluster(asRecordJson(parent))) return followSide(editor, note)
  const children = editor
    .getSortedChildIdsForParent(parent.id)
    .map((id) => editor.getShape(id))
    .filter((child): child is TLShape => child !== undefined)
    .map(asRecordJson)
  const half = (NOTE_SIZE * note.props.scale) / 2
  const side = splitSideAt(parent.id, children, { x: note.x + half, y: note.y + half })
  if (side && side !== factorOf(note).polarity) setPolarity(editor, [note.id], side)
}

/** A note dragged onto a side of the board takes the side's polarity. */
function followSide(editor: Editor, note: TLNoteShape) {
  const records = pageRecords(editor)
  const byId = recordsById(records)
  const side = sideHolding(polaritySides(records, byId), pageBounds(asRecordJson(note), byId))
  if (side && side.polarity !== factorOf(note).polarity)
    setPolarity(editor, [note.id], side.polarity)
}
