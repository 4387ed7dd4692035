import { createTLSchema } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import type { RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import {
  computeOutcome,
  isCluster,
  layoutFactors,
  readFactor,
  tidyCluster,
  type ImportedFactor,
  type Rect,
} from '../../shared/factors'
import { containsRect, intersects } from '../../shared/factors/rect'
import { localBounds, pageBounds, recordsById } from '../../shared/factors/shapeBounds'
import { findBuiltInTemplate, findUnsortedArea } from '../../shared/templates'
import { idCounter } from './factorFixture'

const schema = createTLSchema()
const EPSILON = 1e-6

function factors(
  count: number,
  polarity: ImportedFactor['polarity'] = 'undecided',
  cluster?: string,
) {
  return Array.from({ length: count }, (_, i) => ({ text: `Faktor ${i + 1}`, polarity, cluster }))
}

function expectNoOverlap(rects: Rect[]) {
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) expect(intersects(rects[i]!, rects[j]!)).toBe(false)
  }
}

function expectInside(outer: Rect, inner: Rect) {
  const grown = {
    x: outer.x - EPSILON,
    y: outer.y - EPSILON,
    w: outer.w + 2 * EPSILON,
    h: outer.h + 2 * EPSILON,
  }
  expect(containsRect(grown, inner)).toBe(true)
}

const keyAreasBoard = () =>
  findBuiltInTemplate('key-areas')!.build({ language: 'sv', newId: idCounter('shape:tpl') })

describe('laying out imported factors in the unsorted area', () => {
  const area = { x: 100, y: 200, w: 560, h: 900 }

  for (const count of [1, 7, 8, 30, 300]) {
    it(`places ${count} notes inside the area without overlaps`, () => {
      const notes = layoutFactors({
        factors: factors(count),
        records: [],
        area,
        newId: idCounter(),
        now: 5,
      })
      expect(notes).toHaveLength(count)
      const rects = notes.map(localBounds)
      rects.forEach((rect) => expectInside(area, rect))
      expectNoOverlap(rects)
    })
  }

  it('keeps full size while the notes fit', () => {
    const notes = layoutFactors({
      factors: factors(4),
      records: [],
      area,
      newId: idCounter(),
      now: 5,
    })
    expect(notes.every((n) => (n.props as { scale: number }).scale === 1)).toBe(true)
  })

  it('builds complete notes coloured by polarity with meta polarity, author and time', () => {
    const [note] = layoutFactors({
      factors: [{ text: 'Bra wifi', polarity: 'enabling' }],
      records: [],
      area,
      newId: idCounter(),
      now: 1234,
      author: 'Kim',
    })
    expect(() => schema.types.shape.validate(note)).not.toThrow()
    expect((note!.props as { color: string }).color).toBe('light-green')
    expect(readFactor(note!)).toEqual({
      id: note!.id,
      text: 'Bra wifi',
      polarity: 'enabling',
      author: 'Kim',
      createdAt: 1234,
    })
  })

  it('places new notes below notes already in the area', () => {
    const existing = noteShape(
      { id: 'shape:old', x: 100, y: 200, index: 'a5' },
      { text: 'gammal', color: 'yellow' },
    )
    const notes = layoutFactors({
      factors: factors(3),
      records: [existing],
      area,
      newId: idCounter(),
      now: 1,
    })
    expectNoOverlap([localBounds(existing), ...notes.map(localBounds)])
    expect(notes.every((n) => (n.index as string) > 'a5')).toBe(true)
  })
})

describe('laying out imported factors in clusters', () => {
  it('puts factors naming a cluster inside it, case-insensitively, in its polarity half', () => {
    const board = keyAreasBoard()
    const records = layoutFactors({
      factors: [...factors(5, 'hindering', 'samverkan'), ...factors(4, 'enabling', ' Samverkan ')],
      records: board,
      area: findUnsortedArea(board),
      newId: idCounter(),
      now: 1,
    })
    const frame = board.find(
      (r) => isCluster(r) && (r.props as { name: string }).name === 'Samverkan',
    )!
    expect(records.every((r) => r.parentId === frame.id)).toBe(true)
    const halves = board.filter((r) => r.parentId === frame.id)
    const half = (side: string) =>
      localBounds(halves.find((h) => (h.meta as { area: string }).area === side)!)
    for (const note of records) {
      const polarity = (note.meta as { polarity: string }).polarity
      expectInside(half(polarity), localBounds(note))
    }
    expectNoOverlap(records.map(localBounds))
    const outcome = computeOutcome([...board, ...records])
    const samverkan = outcome.clusters.find((c) => c.name === 'Samverkan')!
    expect([samverkan.hindering.length, samverkan.enabling.length]).toEqual([5, 4])
  })

  it('creates a missing cluster once, in free space, with its notes inside', () => {
    const board = keyAreasBoard()
    const ids = new Set(board.map((r) => r.id))
    const records = layoutFactors({
      factors: [
        ...factors(3, 'hindering', 'Ny idé'),
        ...factors(2, 'enabling', 'ny idé'),
        ...factors(2),
      ],
      records: board,
      area: findUnsortedArea(board),
      newId: idCounter(),
      now: 1,
    })
    const frames = records.filter(isCluster)
    expect(frames).toHaveLength(1)
    expect(frames[0]!.props).toMatchObject({ name: 'Ny idé' })
    expect(() => schema.types.shape.validate(frames[0]!)).not.toThrow()
    expect(records.every((r) => !ids.has(r.id))).toBe(true)
    const all = [...board, ...records]
    const byId = recordsById(all)
    const frameRect = localBounds(frames[0]!)
    for (const shape of board.filter((r) => r.parentId === 'page:page')) {
      expect(intersects(frameRect, pageBounds(shape, byId))).toBe(false)
    }
    const inFrame = records.filter((r) => r.parentId === frames[0]!.id)
    expect(inFrame).toHaveLength(5)
    inFrame.forEach((note) =>
      expectInside({ x: 0, y: 0, w: frameRect.w, h: frameRect.h }, localBounds(note)),
    )
    expect(records.indexOf(frames[0]!)).toBeLessThan(records.indexOf(inFrame[0]!))
  })
})

describe('tidying a cluster', () => {
  it('re-flows notes inside the frame: hindering, then enabling, then undecided', () => {
    const frame = layoutFactors({
      factors: factors(1, 'undecided', 'K'),
      records: [],
      area: { x: 0, y: 0, w: 500, h: 500 },
      newId: idCounter('shape:f'),
      now: 1,
    }).find(isCluster)!
    const scattered = (
      ['undecided', 'enabling', 'hindering', 'enabling', 'hindering'] as const
    ).map((polarity, i) =>
      noteShape(
        {
          id: `shape:n${i}`,
          x: 37 * i,
          y: 11 * i,
          index: 'a1',
          parentId: frame.id,
          meta: { polarity, createdAt: 0 },
        },
        { text: polarity, color: 'yellow' },
      ),
    )
    const placements = tidyCluster(frame, scattered)
    expect(placements.map((p) => p.id)).toEqual([
      'shape:n2',
      'shape:n4',
      'shape:n1',
      'shape:n3',
      'shape:n0',
    ])
    const frameRect = { ...localBounds(frame), x: 0, y: 0 }
    const moved: RecordJson[] = scattered.map((note) => {
      const p = placements.find((q) => q.id === note.id)!
      return { ...note, x: p.x, y: p.y, props: { ...(note.props as object), scale: p.scale } }
    })
    const rects = moved.map(localBounds)
    rects.forEach((rect) => expectInside(frameRect, rect))
    expectNoOverlap(rects)
  })

  it('keeps each polarity in its half of a key-area cluster', () => {
    const board = keyAreasBoard()
    const frame = board.find(isCluster)!
    const notes = (['enabling', 'hindering', 'enabling'] as const).map((polarity, i) =>
      noteShape(
        {
          id: `shape:n${i}`,
          x: 10,
          y: 10,
          index: 'a1',
          parentId: frame.id,
          meta: { polarity, createdAt: 0 },
        },
        { text: polarity, color: 'yellow' },
      ),
    )
    const halves = board.filter((r) => r.parentId === frame.id)
    const placements = tidyCluster(frame, [...halves, ...notes])
    expect(placements).toHaveLength(3)
    const hinderingHalf = localBounds(
      halves.find((h) => (h.meta as { area: string }).area === 'hindering')!,
    )
    const hindering = placements.find((p) => p.id === 'shape:n1')!
    expect(hindering.x).toBeGreaterThanOrEqual(hinderingHalf.x)
    expect(hindering.x + 200).toBeLessThanOrEqual(hinderingHalf.x + hinderingHalf.w)
    const enablingXs = placements.filter((p) => p.id !== 'shape:n1').map((p) => p.x)
    expect(Math.min(...enablingXs)).toBeGreaterThanOrEqual(hinderingHalf.x + hinderingHalf.w)
  })
})
