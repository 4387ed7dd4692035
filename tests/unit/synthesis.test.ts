import { describe, expect, it } from 'vitest'
import { keyAreaKey, synthesize } from '../../shared/workshop/synthesis'
import { factorFixture } from './factorFixture'
import { fixtureOutcomes } from './synthesisFixture'

describe('plenary synthesis', () => {
  const synthesis = synthesize(fixtureOutcomes())
  const entries = synthesis.keyAreas.flatMap((area) => [...area.hindering, ...area.enabling])

  it('matches key areas across groups whatever their case and spacing', () => {
    expect(keyAreaKey('  Kompetens   och LÄRANDE ')).toBe('kompetens och lärande')
    const names = synthesis.keyAreas.map((area) => area.key)
    expect(new Set(names).size).toBe(names.length)
    const used = new Set(factorFixture.notes.map((note) => note.keyArea))
    expect(synthesis.keyAreas).toHaveLength(used.size)
  })

  it('keeps every wording in exactly one entry, with the groups that named it', () => {
    const ids = entries.flatMap((entry) => entry.wordings.map((w) => w.factorId))
    expect(ids.sort()).toEqual(factorFixture.notes.map((note) => note.id).sort())
    for (const entry of entries) {
      expect(entry.groups).toEqual([...new Set(entry.wordings.map((w) => w.groupId))].sort())
      expect(entry.wordings.map((w) => w.text)).toContain(entry.text)
    }
  })

  it('merges wordings of the same idea from several groups', () => {
    const idea = new Map(factorFixture.notes.map((note) => [note.id, note.idea]))
    const multi = entries.filter((entry) => entry.groups.length > 1)
    expect(multi.length).toBeGreaterThan(5)
    const pure = multi.filter(
      (entry) => new Set(entry.wordings.map((w) => idea.get(w.factorId))).size === 1,
    )
    expect(pure.length / multi.length).toBeGreaterThan(0.7)
  })

  it('puts each polarity apart and leaves nothing of a group out', () => {
    const polarity = new Map(factorFixture.notes.map((note) => [note.id, note.polarity]))
    for (const area of synthesis.keyAreas) {
      for (const key of ['hindering', 'enabling'] as const) {
        for (const entry of area[key]) {
          expect(entry.wordings.every((w) => polarity.get(w.factorId) === key)).toBe(true)
        }
      }
    }
    expect(synthesis.groups.map((g) => g.id)).toEqual(['g1', 'g2', 'g3', 'g4'])
  })
})
