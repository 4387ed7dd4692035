import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord, readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { computeOutcome, countOutcome } from '../../shared/factors'
import { addFactor, moveFactor, setFactorPolarity } from '../../shared/factors/factorOps'
import { meta } from '../../shared/factors/recordFields'
import { pageBounds, recordsById } from '../../shared/factors/shapeBounds'
import { findBuiltInTemplate } from '../../shared/templates'
import { planGather } from '../../shared/workshop/gather'
import { idCounter } from './factorFixture'

function board(templateId: string): { doc: Y.Doc; area: (side: string) => RecordJson } {
  const doc = new Y.Doc()
  writeRecords(doc, findBuiltInTemplate(templateId)!.build({ language: 'sv', newId: idCounter() }))
  const area = (side: string) => readRecords(doc).find((r) => meta(r).area === side)!
  return { doc, area }
}

/** A note put at the centre of an area, as dragging it there leaves it: on the page, undecided. */
function dropOn(doc: Y.Doc, area: RecordJson, id: string, text: string) {
  const bounds = pageBounds(area, recordsById(readRecords(doc)))
  writeRecords(doc, [
    noteShape(
      {
        id,
        x: bounds.x + bounds.w / 2 - 100,
        y: bounds.y + bounds.h / 2 - 100,
        index: 'b1',
        meta: { polarity: 'undecided', createdAt: 1 },
      },
      { text, color: 'yellow' },
    ),
  ])
}

describe('the sides of the hindering-and-enabling template', () => {
  it('make a note dropped on them sorted, with the side’s polarity', () => {
    const { doc, area } = board('hindering-enabling')
    dropOn(doc, area('hindering'), 'shape:a', 'Tidsbrist')
    dropOn(doc, area('enabling'), 'shape:b', 'Modiga chefer')
    dropOn(doc, area('unsorted'), 'shape:c', 'Oklart')
    const outcome = computeOutcome(readRecords(doc))
    expect(
      outcome.clusters.map((c) => [c.name, c.side, c.hindering.length, c.enabling.length]),
    ).toEqual([
      ['⊖ Hämmande faktorer', 'hindering', 1, 0],
      ['⊕ Främjande faktorer', 'enabling', 0, 1],
    ])
    expect(outcome.clusters[0]!.hindering[0]).toMatchObject({
      text: 'Tidsbrist',
      polarity: 'hindering',
      clusterId: area('hindering').id,
    })
    expect(outcome.unsorted.map((f) => f.text)).toEqual(['Oklart'])
    const counts = countOutcome(outcome)
    expect(counts).toMatchObject({ hindering: 1, enabling: 1, undecided: 1, total: 3 })
    expect(counts.unsorted.total).toBe(1)
  })

  it('take a note placed on them from the outline, and give it their polarity', () => {
    const { doc, area } = board('hindering-enabling')
    const id = addFactor(doc, {
      text: 'Gamla system',
      polarity: 'undecided',
      clusterId: area('hindering').id,
      now: 1,
      newId: () => 'shape:n1',
    })
    const note = readRecord(doc, id)!
    expect(meta(note).polarity).toBe('hindering')
    const side = pageBounds(area('hindering'), recordsById(readRecords(doc)))
    const placed = pageBounds(note, recordsById(readRecords(doc)))
    expect(placed.x).toBeGreaterThanOrEqual(side.x)
    expect(placed.x + placed.w).toBeLessThanOrEqual(side.x + side.w)
    expect(placed.y + placed.h).toBeLessThanOrEqual(side.y + side.h)
    expect(computeOutcome(readRecords(doc)).clusters[0]!.hindering.map((f) => f.id)).toEqual([id])

    moveFactor(doc, id, area('enabling').id)
    expect(meta(readRecord(doc, id)!).polarity).toBe('enabling')
    expect(computeOutcome(readRecords(doc)).clusters[1]!.enabling.map((f) => f.id)).toEqual([id])
  })

  it('move a note whose polarity is switched to the side that matches, or to unsorted', () => {
    const { doc, area } = board('hindering-enabling')
    dropOn(doc, area('hindering'), 'shape:a', 'Tidsbrist')
    setFactorPolarity(doc, 'shape:a', 'enabling')
    let outcome = computeOutcome(readRecords(doc))
    expect(outcome.clusters.map((c) => c.enabling.length + c.hindering.length)).toEqual([0, 1])
    expect(outcome.clusters[1]!.enabling[0]!.polarity).toBe('enabling')
    setFactorPolarity(doc, 'shape:a', 'undecided')
    outcome = computeOutcome(readRecords(doc))
    expect(outcome.unsorted.map((f) => [f.id, f.polarity])).toEqual([['shape:a', 'undecided']])
  })

  it('are gathered into the plenary as what the group sorted', () => {
    const { doc, area } = board('hindering-enabling')
    dropOn(doc, area('hindering'), 'shape:a', 'Tidsbrist hos chefer')
    dropOn(doc, area('enabling'), 'shape:b', 'Modiga chefer')
    const plan = planGather({
      records: [],
      state: undefined,
      groups: [{ id: 'g1', name: 'Grupp 1', outcome: computeOutcome(readRecords(doc)) }],
      language: 'sv',
      newId: idCounter('shape:p'),
    })
    expect(
      plan.synthesis.keyAreas.map((a) => [
        a.name,
        a.hindering.map((e) => e.text),
        a.enabling.map((e) => e.text),
      ]),
    ).toEqual([
      ['⊖ Hämmande faktorer', ['Tidsbrist hos chefer'], []],
      ['⊕ Främjande faktorer', [], ['Modiga chefer']],
    ])
  })

  it('leave key-area halves to their cluster', () => {
    const { doc } = board('key-areas')
    const outcome = computeOutcome(readRecords(doc))
    expect(outcome.clusters.every((c) => c.side === undefined)).toBe(true)
    expect(outcome.clusters).toHaveLength(11)
  })
})

describe('Spelregler', () => {
  it('places its example agreements as rules, not as unsorted factors', () => {
    const { doc } = board('game-rules')
    expect(readRecords(doc).filter((r) => r.type === 'note')).toHaveLength(7)
    const outcome = computeOutcome(readRecords(doc))
    expect(outcome.unsorted).toEqual([])
    expect(countOutcome(outcome).total).toBe(0)
  })
})
