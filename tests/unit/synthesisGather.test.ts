import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { richText } from '../../shared/board/shapeRecords'
import { factorText } from '../../shared/factors'
import { mergeEntries, splitEntry } from '../../shared/workshop/editSynthesis'
import { entryText, gatherIntoDoc } from '../../shared/workshop/gather'
import { factorRef, readGatherState } from '../../shared/workshop/gatherState'
import type { GroupOutcome } from '../../shared/workshop/synthesis'
import type { FixtureNote } from './factorFixture'
import { factorFixture } from './factorFixture'
import { fixtureOutcomes } from './synthesisFixture'

function counter() {
  let n = 0
  return () => `shape:g${++n}`
}

function notes(doc: Y.Doc): RecordJson[] {
  return readRecords(doc).filter((record) => record.type === 'note')
}

function noteOf(doc: Y.Doc, factorId: string): RecordJson {
  const note = notes(doc).find((record) =>
    ((record.meta as { wordings: { factorId: string }[] }).wordings ?? []).some(
      (w) => w.factorId === factorId,
    ),
  )
  if (!note) throw new Error(`no note for ${factorId}`)
  return note
}

function wordingIds(note: RecordJson): string[] {
  return (note.meta as { wordings: { factorId: string }[] }).wordings.map((w) => w.factorId).sort()
}

function setText(doc: Y.Doc, note: RecordJson, text: string) {
  writeRecords(doc, [{ ...note, props: { ...(note.props as object), richText: richText(text) } }])
}

const without = (ids: string[]) => factorFixture.notes.filter((note) => !ids.includes(note.id))

/** An idea with notes in two or more groups, and the note ids of it. */
function sharedIdea(): FixtureNote[] {
  const byIdea = new Map<string, FixtureNote[]>()
  for (const note of factorFixture.notes)
    byIdea.set(note.idea, [...(byIdea.get(note.idea) ?? []), note])
  return [...byIdea.values()].find((group) => new Set(group.map((n) => n.group)).size >= 3)!
}

function gather(doc: Y.Doc, groups: GroupOutcome[], newId = counter()) {
  return gatherIntoDoc(doc, groups, 'sv', newId)
}

describe('gathering into the plenary board', () => {
  it('writes one cluster frame per key area and a note per entry naming its groups', () => {
    const doc = new Y.Doc()
    const synthesis = gather(doc, fixtureOutcomes())
    const frames = readRecords(doc).filter((r) => r.type === 'frame')
    expect(frames).toHaveLength(synthesis.keyAreas.length)
    expect(frames.every((f) => (f.meta as { kind: string }).kind === 'cluster')).toBe(true)
    const entries = synthesis.keyAreas.flatMap((a) => [...a.hindering, ...a.enabling])
    expect(notes(doc)).toHaveLength(entries.length)
    const shared = entries.find((entry) => entry.groups.length === 3)!
    const note = noteOf(doc, shared.wordings[0]!.factorId)
    expect(factorText(note)).toBe(`${shared.text}\nnämnd av 3 av 4 grupper`)
    expect((note.meta as { groups: string[] }).groups).toEqual(shared.groups)
  })

  it('gathering again with nothing changed changes nothing', () => {
    const doc = new Y.Doc()
    gather(doc, fixtureOutcomes())
    const before = readRecords(doc)
    const newId = counter()
    gather(doc, fixtureOutcomes(), () => `shape:again${newId()}`)
    expect(readRecords(doc)).toEqual(before)
  })

  it('keeps a renamed cluster and an edited entry text, while new factors join in', () => {
    const idea = sharedIdea()
    const [held, ...rest] = idea
    const doc = new Y.Doc()
    gather(doc, fixtureOutcomes(without([held!.id])))
    const frame = readRecords(doc).find((r) => r.type === 'frame')!
    writeRecords(doc, [{ ...frame, props: { ...(frame.props as object), name: 'Vårt eget namn' } }])
    const entryNote = noteOf(doc, rest[0]!.id)
    setText(doc, entryNote, 'Facilitatorns formulering\nnämnd av 1 av 4 grupper')

    const synthesis = gather(doc, fixtureOutcomes())
    const renamed = readRecords(doc).find((r) => r.id === frame.id)!
    expect((renamed.props as { name: string }).name).toBe('Vårt eget namn')
    expect(synthesis.keyAreas.map((a) => a.name)).toContain('Vårt eget namn')
    const after = noteOf(doc, rest[0]!.id)
    expect(after.id).toBe(entryNote.id)
    expect(entryText(factorText(after))).toBe('Facilitatorns formulering')
    expect(wordingIds(after)).toContain(held!.id)
    expect(factorText(after)).toMatch(/nämnd av \d av 4 grupper$/)
  })

  it('drops removed factors from their entry, and an entry with none left', () => {
    const doc = new Y.Doc()
    gather(doc, fixtureOutcomes())
    const idea = sharedIdea()
    const gone = idea[0]!.id
    const lonely = factorFixture.notes.find(
      (note) => noteOf(doc, note.id) && wordingIds(noteOf(doc, note.id)).length === 1,
    )!
    const lonelyNoteId = noteOf(doc, lonely.id).id
    gather(doc, fixtureOutcomes(without([gone, lonely.id])))
    expect(notes(doc).some((note) => wordingIds(note).includes(gone))).toBe(false)
    expect(notes(doc).some((note) => note.id === lonelyNoteId)).toBe(false)
    expect(Object.values(readGatherState(doc)!.entries).flatMap((e) => e.factors)).not.toContain(
      factorRef(idea[0]!.group, gone),
    )
  })

  it('keeps entries the facilitator merged or split by hand when gathering again', () => {
    const doc = new Y.Doc()
    gather(doc, fixtureOutcomes())
    const idea = sharedIdea()
    const whole = noteOf(doc, idea[0]!.id)
    const other = notes(doc).find(
      (note) =>
        note.parentId === whole.parentId &&
        note.id !== whole.id &&
        (note.meta as { polarity: string }).polarity ===
          (whole.meta as { polarity: string }).polarity,
    )!
    const otherIds = wordingIds(other)
    mergeEntries(doc, whole.id, [other.id])
    expect(notes(doc).some((note) => note.id === other.id)).toBe(false)

    const splitOff = idea.find((note) => note.group !== idea[0]!.group)!
    splitEntry(doc, whole.id, [factorRef(splitOff.group, splitOff.id)], 'shape:split')

    const newId = counter()
    gather(doc, fixtureOutcomes(), () => `shape:re${newId()}`)
    const merged = readRecords(doc).find((r) => r.id === whole.id)!
    for (const id of otherIds) expect(wordingIds(merged)).toContain(id)
    expect(wordingIds(merged)).not.toContain(splitOff.id)
    const split = readRecords(doc).find((r) => r.id === 'shape:split')!
    expect(wordingIds(split)).toEqual([splitOff.id])
    expect(factorText(split)).toBe(`${splitOff.text}\nnämnd av 1 av 4 grupper`)
  })

  it('gives a factor that matches no entry an entry of its own', () => {
    const doc = new Y.Doc()
    gather(doc, fixtureOutcomes())
    const outcomes = fixtureOutcomes()
    outcomes[0]!.outcome.clusters[0]!.hindering.push({
      id: 'shape:brandnew',
      text: 'Kaffemaskinen på tredje våningen är trasig',
      polarity: 'hindering',
      createdAt: 0,
    })
    gather(doc, outcomes)
    expect(wordingIds(noteOf(doc, 'shape:brandnew'))).toEqual(['shape:brandnew'])
  })
})
