import { getIndices } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import type { RecordJson } from '../../shared/board/boardDoc'
import { frameShape, noteShape } from '../../shared/board/shapeRecords'
import {
  computeOutcome,
  countOutcome,
  factorText,
  isCluster,
  nextPolarity,
  polarityColour,
  polarityIcon,
  readFactor,
  type Polarity,
} from '../../shared/factors'
import { factorFixture } from './factorFixture'

const cluster = (id: string, name: string, x = 0, y = 0) =>
  frameShape(
    { id, x, y, index: 'a1', meta: { kind: 'cluster' } },
    { w: 1000, h: 700, name, color: 'black' },
  )

const note = (
  id: string,
  text: string,
  place: { x?: number; y?: number; parentId?: string } = {},
  meta: { polarity?: Polarity; author?: string; createdAt?: number } = { createdAt: 1 },
) =>
  noteShape(
    { id, x: place.x ?? 0, y: place.y ?? 0, index: 'a2', parentId: place.parentId, meta },
    { text, color: 'yellow' },
  )

describe('reading factors', () => {
  it('extracts plain text from rich text, one line per paragraph', () => {
    expect(factorText(note('shape:a', 'Otydligt mandat\nfrån ledningen'))).toBe(
      'Otydligt mandat\nfrån ledningen',
    )
  })

  it('reads polarity, author and creation time from meta', () => {
    const factor = readFactor(
      note('shape:a', 'Bra wifi', {}, { polarity: 'enabling', author: 'Kim', createdAt: 42 }),
    )
    expect(factor).toEqual({
      id: 'shape:a',
      text: 'Bra wifi',
      polarity: 'enabling',
      author: 'Kim',
      createdAt: 42,
    })
  })

  it('counts a note without polarity as an undecided factor', () => {
    expect(readFactor(note('shape:a', 'x', {}, {})).polarity).toBe('undecided')
    expect(readFactor(note('shape:a', 'x', {}, {})).createdAt).toBe(0)
  })

  it('names the cluster only when the parent is a cluster frame', () => {
    const frame = cluster('shape:c', 'Samverkan')
    const plain = frameShape(
      { id: 'shape:f', x: 0, y: 0, index: 'a1' },
      { w: 100, h: 100, name: 'Ram', color: 'black' },
    )
    expect(readFactor(note('shape:a', 'x', { parentId: frame.id }), frame).clusterId).toBe(
      'shape:c',
    )
    expect(readFactor(note('shape:a', 'x', { parentId: plain.id }), plain).clusterId).toBe(
      undefined,
    )
  })

  it('knows a cluster by its meta kind, not by being a frame', () => {
    expect(isCluster(cluster('shape:c', 'Ledarskap'))).toBe(true)
    expect(
      isCluster(
        frameShape(
          { id: 'shape:f', x: 0, y: 0, index: 'a1' },
          { w: 1, h: 1, name: '', color: 'black' },
        ),
      ),
    ).toBe(false)
  })
})

describe('polarity', () => {
  it('switches undecided → hindering → enabling → undecided', () => {
    expect(nextPolarity('undecided')).toBe('hindering')
    expect(nextPolarity('hindering')).toBe('enabling')
    expect(nextPolarity('enabling')).toBe('undecided')
  })

  it('gives every polarity its own colour and icon, so colour is not the only signal', () => {
    expect(new Set(Object.values(polarityColour)).size).toBe(3)
    expect(polarityIcon).toEqual({ hindering: '⊖', enabling: '⊕', undecided: '?' })
  })
})

describe('membership', () => {
  const frame = cluster('shape:c', 'Ledarskap')
  const decoration = frameShape(
    { id: 'shape:f', x: 2000, y: 0, index: 'a1' },
    { w: 500, h: 500, name: 'Ram', color: 'black' },
  )
  const outcome = computeOutcome([
    frame,
    decoration,
    note('shape:in', 'i klustret', { parentId: frame.id }, { polarity: 'hindering', createdAt: 1 }),
    note('shape:page', 'på sidan', { x: 0, y: 900 }),
    note('shape:frame', 'i en vanlig ram', { parentId: decoration.id }),
    note('shape:orphan', 'förälder saknas', { parentId: 'shape:gone' }),
  ])

  it('puts a note whose parent is a cluster frame in that cluster', () => {
    expect(outcome.clusters[0]!.hindering.map((f) => f.id)).toEqual(['shape:in'])
  })

  it('counts notes on the page, in a non-cluster frame or with a missing parent as unsorted', () => {
    expect(outcome.unsorted.map((f) => f.id).sort()).toEqual([
      'shape:frame',
      'shape:orphan',
      'shape:page',
    ])
  })

  it('does not count a note lying over a cluster without being its child', () => {
    const over = note('shape:over', 'ovanpå', { x: 100, y: 100 })
    const result = computeOutcome([frame, over])
    expect(result.clusters[0]!.hindering.length + result.clusters[0]!.undecided.length).toBe(0)
    expect(result.unsorted.map((f) => f.id)).toEqual(['shape:over'])
  })
})

describe('order', () => {
  it('orders clusters top-left to bottom-right, even when a row is a little out of line', () => {
    const records = [
      cluster('shape:d', 'D', 1100, 805),
      cluster('shape:b', 'B', 1100, 3),
      cluster('shape:c', 'C', 0, 800),
      cluster('shape:a', 'A', 0, 0),
    ]
    expect(computeOutcome(records).clusters.map((c) => c.name)).toEqual(['A', 'B', 'C', 'D'])
  })

  it('orders factors in a cluster by their position in it', () => {
    const frame = cluster('shape:c', 'K')
    const inFrame = (id: string, x: number, y: number) =>
      note(id, id, { parentId: frame.id, x, y }, { polarity: 'enabling', createdAt: 1 })
    const records = [
      frame,
      inFrame('shape:3', 0, 300),
      inFrame('shape:2', 300, 0),
      inFrame('shape:1', 0, 0),
    ]
    expect(computeOutcome(records).clusters[0]!.enabling.map((f) => f.id)).toEqual([
      'shape:1',
      'shape:2',
      'shape:3',
    ])
  })
})

describe('outcome of the fixture board', () => {
  const keyAreas = factorFixture.keyAreas
  const indices = getIndices(keyAreas.length + factorFixture.notes.length)
  const frames = keyAreas.map((area, i) =>
    frameShape(
      {
        id: `shape:${area.id}`,
        x: (i % 4) * 1100,
        y: Math.floor(i / 4) * 900,
        index: indices[i]!,
        meta: { kind: 'cluster' },
      },
      { w: 1000, h: 700, name: area.sv, color: 'black' },
    ),
  )
  // Every fifth note stays on the page, so the board has unsorted factors too.
  const notes: RecordJson[] = factorFixture.notes.map((fixture, i) =>
    noteShape(
      {
        id: `shape:${fixture.id}`,
        x: (i % 4) * 220,
        y: Math.floor(i / 4) * 220,
        index: indices[keyAreas.length + i]!,
        parentId: i % 5 === 0 ? undefined : `shape:${fixture.keyArea}`,
        meta: { polarity: fixture.polarity, createdAt: i },
      },
      { text: fixture.text, color: polarityColour[fixture.polarity] },
    ),
  )
  const outcome = computeOutcome([...frames, ...notes])
  const sorted = factorFixture.notes.filter((_, i) => i % 5 !== 0)

  it('has one cluster per key area, in grid order', () => {
    expect(outcome.clusters.map((c) => c.name)).toEqual(keyAreas.map((area) => area.sv))
  })

  it('puts each sorted note in its key area with its polarity', () => {
    for (const area of keyAreas) {
      const result = outcome.clusters.find((c) => c.id === `shape:${area.id}`)!
      for (const polarity of ['hindering', 'enabling'] as const) {
        const expected = sorted.filter((n) => n.keyArea === area.id && n.polarity === polarity)
        expect(result[polarity].map((f) => f.text).sort()).toEqual(
          expected.map((n) => n.text).sort(),
        )
      }
      expect(result.undecided).toEqual([])
    }
  })

  it('counts every factor once: sorted in clusters, the rest unsorted', () => {
    const counts = countOutcome(outcome)
    expect(counts.total).toBe(factorFixture.notes.length)
    expect(counts.unsorted.total).toBe(Math.ceil(factorFixture.notes.length / 5))
    expect(counts.hindering).toBe(
      factorFixture.notes.filter((n) => n.polarity === 'hindering').length,
    )
    expect(counts.enabling).toBe(
      factorFixture.notes.filter((n) => n.polarity === 'enabling').length,
    )
    const ledarskap = counts.clusters.find((c) => c.id === 'shape:ledarskap')!
    expect(ledarskap.total).toBe(sorted.filter((n) => n.keyArea === 'ledarskap').length)
  })
})
