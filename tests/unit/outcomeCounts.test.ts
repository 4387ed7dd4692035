import { describe, expect, it } from 'vitest'
import { atom, type TLShape } from 'tldraw'
import type { RecordJson } from '../../shared/board/boardDoc'
import { frameShape, noteShape } from '../../shared/board/shapeRecords'
import { computeOutcome, countFactors, countOutcome, type Polarity } from '../../shared/factors'
import { outcomeTally } from '../../client/board/factors/outcomeTally'
import { meta } from '../../shared/factors/recordFields'
import { findBuiltInTemplate } from '../../shared/templates'
import { idCounter } from './factorFixture'

const POLARITIES: Polarity[] = ['hindering', 'enabling', 'undecided']

/** Three clusters in two rows, 60 notes spread over them and the page. */
function board(): RecordJson[] {
  const frames = [
    [0, 0],
    [1200, 0],
    [0, 900],
  ].map(([x, y], i) =>
    frameShape(
      { id: `shape:c${i}`, x: x!, y: y!, index: 'a1', meta: { kind: 'cluster' } },
      { w: 1000, h: 700, name: `Område ${i}`, color: 'black' },
    ),
  )
  const notes = Array.from({ length: 60 }, (_, i) =>
    noteShape(
      {
        id: `shape:n${i}`,
        x: (i * 37) % 800,
        y: (i * 53) % 500,
        index: 'a2',
        parentId: i % 4 === 3 ? undefined : `shape:c${i % 4}`,
        meta: i % 7 === 0 ? {} : { polarity: POLARITIES[i % 3]! },
      },
      { text: `Faktor ${i}`, color: 'yellow' },
    ),
  )
  return [...frames, ...notes]
}

const asShapes = (records: RecordJson[]) => records as unknown as TLShape[]

describe('factor counts', () => {
  it('count the same as the full outcome, without ordering the notes', () => {
    const records = board()
    expect(countFactors(records)).toEqual(countOutcome(computeOutcome(records)))
  })

  it('stay the same object while notes only move, and change when one changes cluster', () => {
    const shapes = atom('shapes', asShapes(board()))
    const tally = outcomeTally(() => shapes.get())
    const before = tally.get()

    shapes.set(shapes.get().map((s) => (s.type === 'note' ? { ...s, x: s.x + 5, y: s.y + 3 } : s)))
    expect(tally.get()).toBe(before)

    shapes.set(
      shapes.get().map((s) => (s.id === 'shape:n0' ? { ...s, parentId: 'shape:c1' as never } : s)),
    )
    const after = tally.get()
    expect(after).not.toBe(before)
    expect(after.clusters.find((c) => c.id === 'shape:c1')!.total).toBe(
      before.clusters.find((c) => c.id === 'shape:c1')!.total + 1,
    )
  })

  it('count a note on a side of the board as sorted, with the side’s polarity', () => {
    const template = findBuiltInTemplate('hindering-enabling')!
    const areas = template.build({ language: 'sv', newId: idCounter() })
    const hindering = areas.find((r) => meta(r).area === 'hindering')!
    const atHindering = { x: Number(hindering.x) + 100, y: Number(hindering.y) + 150 }
    const undecidedNote = (id: string, at: { x: number; y: number }) =>
      noteShape(
        { id, ...at, index: 'b1', meta: { polarity: 'undecided' } },
        {
          text: id,
          color: 'yellow',
        },
      )
    const outside = { x: -2000, y: -2000 }
    const records = [...areas, undecidedNote('shape:a', outside), undecidedNote('shape:b', outside)]
    const shapes = atom('shapes', asShapes(records))
    const tally = outcomeTally(() => shapes.get())
    expect(tally.get().unsorted.total).toBe(2)

    // Dragged onto the ⊖ side: what the panel shows must follow, as the full outcome does.
    const moved = records.map((r) => (r.id === 'shape:a' ? { ...r, ...atHindering } : r))
    shapes.set(asShapes(moved))
    const counts = tally.get()
    expect(counts).toEqual(countOutcome(computeOutcome(moved)))
    expect(counts.unsorted.total).toBe(1)
    expect(counts.hindering).toBe(1)
    expect(counts.clusters.find((c) => c.id === hindering.id)).toMatchObject({ hindering: 1 })

    // Moving it about on the side changes no count.
    shapes.set(asShapes(moved.map((r) => (r.id === 'shape:a' ? { ...r, x: Number(r.x) + 20 } : r))))
    expect(tally.get()).toBe(counts)
  })
})
