import type * as Y from 'yjs'
import { readRecord, readRecords, writeRecords, type RecordJson } from '../board/boardDoc'
import { richText } from '../board/shapeRecords'
import type { JsonValue } from '../board/yjsValue'
import { factorText } from '../factors'
import { meta, numberOr, parentIdOf, props } from '../factors/recordFields'
import { frameHeightFor, freeSlot, noteSlot } from './gatherLayout'
import type { SynthesisWording } from '../workshopContracts'
import { factorRef, readGatherState, writeGatherState, type FactorRef } from './gatherState'
import { entryText, withNamedByCount } from './namedBy'

function entryKeyOf(state: { entries: Record<string, { noteId: string }> }, noteId: string) {
  return Object.entries(state.entries).find(([, entry]) => entry.noteId === noteId)?.[0]
}

/** The note's meta and text after a hand edit left it with `wordings`. */
function afterHandEdit(note: RecordJson, wordings: SynthesisWording[]): RecordJson {
  const groups = [...new Set(wordings.map((w) => w.groupId))].sort()
  // What the wordings share is worked out again at the next gathering; until then, say only
  // that the facilitator changed the entry.
  const why = { sharedIdea: [], confidence: 0, byHand: true }
  return {
    ...note,
    props: {
      ...props(note),
      richText: richText(withNamedByCount(factorText(note), groups.length)),
    } as JsonValue,
    meta: {
      ...meta(note),
      groups,
      wordings: wordings as unknown as JsonValue,
      why: why as unknown as JsonValue,
    },
  }
}

function wordingsOf(noteMeta: { [key: string]: JsonValue }): SynthesisWording[] {
  return Array.isArray(noteMeta.wordings)
    ? (noteMeta.wordings as unknown as SynthesisWording[])
    : []
}

/**
 * The facilitator merges entries by hand: the other notes' factors join `intoNoteId`'s entry
 * and their notes go. Gathering again keeps them together. Entries of another key area or
 * polarity are left alone: gathering would pull their factors back out.
 */
export function mergeEntries(doc: Y.Doc, intoNoteId: string, fromNoteIds: readonly string[]) {
  const state = readGatherState(doc)
  const intoKey = state && entryKeyOf(state, intoNoteId)
  const into = intoKey ? state.entries[intoKey] : undefined
  const intoNote = readRecord(doc, intoNoteId)
  if (!state || !into || !intoNote) throw new Error(`note ${intoNoteId} is no synthesis entry`)
  const wordings = wordingsOf(meta(intoNote))
  const removed: string[] = []
  for (const noteId of fromNoteIds) {
    const key = entryKeyOf(state, noteId)
    const entry = key ? state.entries[key] : undefined
    if (!key || !entry || noteId === intoNoteId) continue
    if (entry.keyAreaKey !== into.keyAreaKey || entry.polarity !== into.polarity) continue
    into.factors.push(...entry.factors)
    const note = readRecord(doc, noteId)
    if (note) wordings.push(...wordingsOf(meta(note)))
    delete state.entries[key]
    removed.push(noteId)
  }
  if (removed.length === 0) return
  into.byHand = true
  doc.transact(() => {
    writeRecords(doc, [afterHandEdit(intoNote, wordings)], removed)
    writeGatherState(doc, state)
  })
}

/**
 * The facilitator splits an entry by hand: `factors` leave `noteId`'s entry for a new note
 * beside it, worded as the first of them. Gathering again keeps them apart.
 */
export function splitEntry(
  doc: Y.Doc,
  noteId: string,
  factors: readonly FactorRef[],
  newNoteId: string,
) {
  const state = readGatherState(doc)
  const key = state && entryKeyOf(state, noteId)
  const entry = key ? state.entries[key] : undefined
  const note = readRecord(doc, noteId)
  if (!state || !entry || !note) throw new Error(`note ${noteId} is no synthesis entry`)
  const leaving = new Set(factors.filter((ref) => entry.factors.includes(ref)))
  if (leaving.size === 0 || leaving.size === entry.factors.length) return
  entry.factors = entry.factors.filter((ref) => !leaving.has(ref))
  entry.byHand = true
  const isLeaving = (w: SynthesisWording) => leaving.has(factorRef(w.groupId, w.factorId))
  const wordings = wordingsOf(meta(note))
  const text = wordings.find(isLeaving)?.text ?? ''
  state.entries[newNoteId.replace(/^shape:/, '')] = {
    ...entry,
    byHand: true,
    noteId: newNoteId,
    factors: [...leaving],
    generatedText: text,
  }
  const line = factorText(note).slice(entryText(factorText(note)).length)
  const frame = readRecord(doc, parentIdOf(note) ?? '')
  const slot = frame && freeSlot(readRecords(doc), frame.id, entry.polarity)
  const place = slot === undefined ? undefined : noteSlot(entry.polarity, slot)
  const leavingNote = afterHandEdit(
    {
      ...note,
      id: newNoteId,
      // Below the column's last note, so it covers nothing; beside the note off a frame.
      x: place?.x ?? numberOr(note.x, 0) + 30,
      y: place?.y ?? numberOr(note.y, 0) + 30,
      props: { ...props(note), richText: richText(`${text}${line}`) } as JsonValue,
      meta: { ...meta(note), synthesisKey: newNoteId.replace(/^shape:/, '') },
    },
    wordings.filter(isLeaving),
  )
  doc.transact(() => {
    const grown =
      frame && slot !== undefined && numberOr(props(frame).h, 0) < frameHeightFor(slot + 1)
        ? [{ ...frame, props: { ...props(frame), h: frameHeightFor(slot + 1) } }]
        : []
    writeRecords(doc, [
      afterHandEdit(
        note,
        wordings.filter((w) => !isLeaving(w)),
      ),
      leavingNote,
      ...grown,
    ])
    writeGatherState(doc, state)
  })
}
