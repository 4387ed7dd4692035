import { createShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { mergeEntries, splitEntry } from '../../../shared/workshop/editSynthesis'
import { factorRef, readGatherState } from '../../../shared/workshop/gatherState'
import type { SynthesisWording } from '../../../shared/workshopContracts'

/** One wording leaves its entry for a note of its own; the next gathering keeps it apart. */
export function splitOff(doc: Y.Doc, noteId: string, wording: SynthesisWording) {
  splitEntry(doc, noteId, [factorRef(wording.groupId, wording.factorId)], createShapeId())
}

/** Entries become one (the first keeps its note); the next gathering keeps them together. */
export function mergeNotes(doc: Y.Doc, noteIds: readonly string[]) {
  const [into, ...rest] = noteIds
  if (into && rest.length > 0) mergeEntries(doc, into, rest)
}

/** True when the notes are two or more entries of one key area and polarity. */
export function canMerge(doc: Y.Doc, noteIds: readonly string[]): boolean {
  const entries = Object.values(readGatherState(doc)?.entries ?? {})
  const tracked = noteIds.map((id) => entries.find((entry) => entry.noteId === id))
  const [first] = tracked
  return (
    tracked.length > 1 &&
    tracked.every(
      (entry) =>
        entry !== undefined &&
        !entry.dismissed &&
        entry.keyAreaKey === first?.keyAreaKey &&
        entry.polarity === first.polarity,
    )
  )
}
