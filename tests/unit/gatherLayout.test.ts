import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { isCluster } from '../../shared/factors'
import { intersects, type Rect } from '../../shared/factors/rect'
import { numberOr, parentIdOf, props } from '../../shared/factors/recordFields'
import { localBounds } from '../../shared/factors/shapeBounds'
import { gatherIntoDoc } from '../../shared/workshop/gather'
import { stackGatherFrame } from '../../shared/workshop/gatherLayout'
import { fixtureOutcomes } from './synthesisFixture'

function counter() {
  let n = 0
  return () => `shape:g${++n}`
}

/** Every note of every frame overlaps no other and lies wholly inside its frame. */
function expectTidy(records: readonly RecordJson[]) {
  const frames = records.filter(isCluster)
  expect(frames.length).toBeGreaterThan(0)
  for (const frame of frames) {
    const box: Rect = { x: 0, y: 0, w: numberOr(props(frame).w, 0), h: numberOr(props(frame).h, 0) }
    const notes = records
      .filter((r) => r.type === 'note' && parentIdOf(r) === frame.id)
      .map(localBounds)
    for (const [i, note] of notes.entries()) {
      expect(note.x, `${frame.id} note ${i} left`).toBeGreaterThanOrEqual(box.x)
      expect(note.y).toBeGreaterThanOrEqual(box.y)
      expect(note.x + note.w, `${frame.id} note ${i} right`).toBeLessThanOrEqual(box.w)
      expect(note.y + note.h, `${frame.id} note ${i} bottom`).toBeLessThanOrEqual(box.h)
      for (const other of notes.slice(i + 1)) expect(intersects(note, other)).toBe(false)
    }
  }
}

/** What browsers do when the notes arrive: grow each note to its text, here by its length. */
function growLikeABrowser(doc: Y.Doc, grow: (text: string) => number) {
  const grown = readRecords(doc)
    .filter((r) => r.type === 'note')
    .map((note) => {
      const text = JSON.stringify(props(note).richText)
      return { ...note, props: { ...props(note), growY: grow(text) } }
    })
  writeRecords(doc, grown)
}

describe('the plenary layout', () => {
  it('keeps gathered notes apart and inside their frames, with their estimated sizes', () => {
    const doc = new Y.Doc()
    gatherIntoDoc(doc, fixtureOutcomes(), 'sv', counter())
    const notes = readRecords(doc).filter((r) => r.type === 'note')
    expect(notes.some((note) => numberOr(props(note).growY, 0) > 0)).toBe(true)
    expectTidy(readRecords(doc))
  })

  it('lays a frame out again when its notes grow to their real size', () => {
    const doc = new Y.Doc()
    gatherIntoDoc(doc, fixtureOutcomes(), 'sv', counter())
    growLikeABrowser(doc, (text) => 80 + (text.length % 7) * 60)
    const records = readRecords(doc)
    const changed = records.filter(isCluster).flatMap((frame) =>
      stackGatherFrame(
        frame,
        records.filter((r) => parentIdOf(r) === frame.id),
      ),
    )
    writeRecords(doc, changed)
    expectTidy(readRecords(doc))
    // Laid out, a frame stays as it is.
    const again = readRecords(doc)
    for (const frame of again.filter(isCluster)) {
      expect(
        stackGatherFrame(
          frame,
          again.filter((r) => parentIdOf(r) === frame.id),
        ),
      ).toEqual([])
    }
  })

  it('keeps a column in its top-to-bottom order and gathers again without overlap', () => {
    const doc = new Y.Doc()
    const outcomes = fixtureOutcomes()
    gatherIntoDoc(doc, outcomes, 'sv', counter())
    growLikeABrowser(doc, () => 260)
    gatherIntoDoc(doc, outcomes, 'sv', counter())
    expectTidy(readRecords(doc))
  })
})
