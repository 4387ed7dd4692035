import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formMixedGroups, seatNewcomers, type Person } from '../../shared/workshop/formMixedGroups'

const municipalities = ['Malmö', 'Vara', 'Sollentuna', 'Nordmaling', 'Halmstad']

/** People with unique ids, most from a few municipalities, some from none. */
const peopleArbitrary = fc
  .array(fc.option(fc.constantFrom(...municipalities), { nil: undefined }), { maxLength: 60 })
  .map((list): Person[] =>
    list.map((municipality, i) => (municipality ? { id: `p${i}`, municipality } : { id: `p${i}` })),
  )

const groupCountArbitrary = fc.integer({ min: 1, max: 12 })

describe('formMixedGroups', () => {
  it('forms exactly the asked number of groups', () => {
    fc.assert(
      fc.property(peopleArbitrary, groupCountArbitrary, (people, n) => {
        expect(formMixedGroups(people, n)).toHaveLength(n)
      }),
    )
  })

  it('puts every person in exactly one group', () => {
    fc.assert(
      fc.property(peopleArbitrary, groupCountArbitrary, (people, n) => {
        const ids = formMixedGroups(people, n).flat().sort()
        expect(ids).toEqual(people.map((p) => p.id).sort())
      }),
    )
  })

  it('keeps group sizes within one of each other', () => {
    fc.assert(
      fc.property(peopleArbitrary, groupCountArbitrary, (people, n) => {
        const sizes = formMixedGroups(people, n).map((group) => group.length)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('gives each group ⌊k/N⌋ or ⌈k/N⌉ of a municipality with k members', () => {
    fc.assert(
      fc.property(peopleArbitrary, groupCountArbitrary, (people, n) => {
        const municipalityOf = new Map(people.map((p) => [p.id, p.municipality]))
        const groups = formMixedGroups(people, n)
        for (const municipality of municipalities) {
          const k = people.filter((p) => p.municipality === municipality).length
          for (const group of groups) {
            const here = group.filter((id) => municipalityOf.get(id) === municipality).length
            expect(here).toBeGreaterThanOrEqual(Math.floor(k / n))
            expect(here).toBeLessThanOrEqual(Math.ceil(k / n))
          }
        }
      }),
    )
  })

  it('gives the same groups for the same input', () => {
    fc.assert(
      fc.property(peopleArbitrary, groupCountArbitrary, (people, n) => {
        expect(formMixedGroups(people, n)).toEqual(formMixedGroups(structuredClone(people), n))
      }),
    )
  })

  it('never seats two people from one municipality together while it can be avoided', () => {
    const people = [
      { id: 'a1', municipality: 'Malmö' },
      { id: 'a2', municipality: 'Malmö' },
      { id: 'a3', municipality: 'Malmö' },
      { id: 'b1', municipality: 'Vara' },
      { id: 'b2', municipality: 'Vara' },
      { id: 'c1', municipality: 'Sollentuna' },
      { id: 'x' },
    ]
    const groups = formMixedGroups(people, 3)
    for (const group of groups) {
      const prefixes = group.map((id) => id[0])
      expect(new Set(prefixes).size).toBe(prefixes.length)
    }
  })

  it('treats spelling variants of one municipality as the same municipality', () => {
    const groups = formMixedGroups(
      [
        { id: '1', municipality: 'Malmö' },
        { id: '2', municipality: ' malmö ' },
        { id: '3', municipality: 'Vara' },
        { id: '4', municipality: 'Vara' },
      ],
      2,
    )
    expect(groups.every((group) => group.includes('1') !== group.includes('2'))).toBe(true)
  })

  it('refuses a group count below one', () => {
    expect(() => formMixedGroups([{ id: 'a' }], 0)).toThrow(RangeError)
  })
})

describe('seatNewcomers', () => {
  it('keeps everyone seated where they are and seats every newcomer once', () => {
    fc.assert(
      fc.property(peopleArbitrary, groupCountArbitrary, fc.nat(), (people, n, seed) => {
        const seatedCount = people.length === 0 ? 0 : seed % (people.length + 1)
        const current = formMixedGroups(people.slice(0, seatedCount), n)
        const groups = seatNewcomers(current, people)
        current.forEach((group, i) => expect(groups[i]!.slice(0, group.length)).toEqual(group))
        expect(groups.flat().sort()).toEqual(people.map((p) => p.id).sort())
      }),
    )
  })

  it('seats a late joiner where nobody shares their municipality, then in the smallest group', () => {
    const people = [
      { id: 'm1', municipality: 'Malmö' },
      { id: 'v1', municipality: 'Vara' },
      { id: 'v2', municipality: 'Vara' },
      { id: 'late-malmö', municipality: 'malmö' },
      { id: 'late-none' },
    ]
    const groups = seatNewcomers([['m1', 'v1'], ['v2']], people)
    expect(groups).toEqual([
      ['m1', 'v1', 'late-none'],
      ['v2', 'late-malmö'],
    ])
  })
})
