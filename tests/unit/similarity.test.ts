import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  adjustedRandIndex,
  detectLanguage,
  mergeSimilarFactors,
  splitCompound,
  stemWord,
  suggestClusters,
  textSimilarity,
  tokenize,
  type GroupFactor,
} from '../../shared/similarity'

describe('normalization', () => {
  it('lower-cases and splits on anything but letters and digits, keeping å, ä and ö', () => {
    expect(tokenize('Öppna API:er i IT-avdelningen, 2024!')).toEqual([
      'öppna',
      'api',
      'er',
      'it',
      'avdelningen',
      '2024',
    ])
  })

  it('stems Swedish inflections to one form', () => {
    expect(stemWord('chefer', 'sv')).toBe(stemWord('chef', 'sv'))
    expect(stemWord('budgetar', 'sv')).toBe(stemWord('budgeten', 'sv'))
  })

  it('stems English with the English stemmer', () => {
    expect(stemWord('employees', 'en')).toBe(stemWord('employee', 'en'))
  })

  it('tells Swedish from English notes', () => {
    expect(detectLanguage(tokenize('Personalen har inte tid att lära sig nytt'))).toBe('sv')
    expect(detectLanguage(tokenize('The staff have no time to learn new things'))).toBe('en')
  })

  it('splits Swedish compounds into known parts, dropping the linking s', () => {
    const known = new Set(['kompetens', 'utveckling', 'chef', 'omsättning'])
    const isKnown = (part: string) => known.has(part)
    expect(splitCompound('kompetensutveckling', isKnown)).toEqual(['kompetens', 'utveckling'])
    expect(splitCompound('chefsomsättning', isKnown)).toEqual(['chef', 'omsättning'])
    expect(splitCompound('digitalisering', isKnown)).toEqual([])
  })

  it('ignores stop words, so notes sharing only "och", "att", "inte" are unrelated', () => {
    expect(textSimilarity('Vi vill inte att det blir så', 'Det är inte så att vi vill')).toBe(0)
  })
})

describe('textSimilarity', () => {
  it.each([
    ['Chefen ger inget mandat', 'Ledningen ger inget mandat'],
    ['Brist på pengar', 'Ingen finansiering'],
    ['Dåligt wifi på skolan', 'Svag uppkoppling på skolan'],
    ['Osäkerhet kring GDPR', 'Osäkerhet kring dataskyddet'],
    ['Personalen saknar utbildning', 'Medarbetarna saknar fortbildning'],
  ])('scores lexicon near-synonyms as similar: "%s" ~ "%s"', (a, b) => {
    expect(textSimilarity(a, b, { thesaurus: null })).toBeGreaterThan(0.4)
  })

  it('matches a compound with its parts ("kompetensutveckling" ~ "kompetens")', () => {
    expect(textSimilarity('Ingen kompetensutveckling', 'Låg kompetens hos oss')).toBeGreaterThan(
      0.2,
    )
  })

  it('scores unrelated notes low', () => {
    expect(textSimilarity('Dåligt wifi på äldreboendet', 'Rädsla för att misslyckas')).toBeLessThan(
      0.1,
    )
    expect(textSimilarity('Juristerna säger nej', 'Studiebesök hos andra kommuner')).toBeLessThan(
      0.1,
    )
  })

  it('is symmetric and 1 for identical text', () => {
    const a = 'Tidsbrist i verksamheten'
    const b = 'Ingen tid för utveckling'
    expect(textSimilarity(a, b)).toBeCloseTo(textSimilarity(b, a), 10)
    expect(textSimilarity(a, a)).toBeCloseTo(1, 10)
  })

  it('compares words only when given an empty lexicon', () => {
    expect(textSimilarity('Brist på pengar', 'Ingen finansiering', { lexicon: [] })).toBe(0)
  })
})

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other label names', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1)
  })

  it('is below 0 for a partition that splits every true pair', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeCloseTo(-0.5, 10)
  })

  it('matches a worked example', () => {
    // Contingency [[2,1],[0,2]]: index 2, expected 4·4/10, maximum 4 → ARI 0.4/2.4 = 1/6.
    expect(adjustedRandIndex(['a', 'a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y', 'y'])).toBeCloseTo(
      1 / 6,
      10,
    )
  })

  it('refuses labelings of different lengths', () => {
    expect(() => adjustedRandIndex(['a'], ['a', 'b'])).toThrow(RangeError)
  })
})

const factors: GroupFactor[] = [
  { groupId: 'g1', factorId: 'f1', text: 'Dåligt wifi på skolor' },
  { groupId: 'g2', factorId: 'f2', text: 'Bristande uppkoppling i hemtjänsten' },
  { groupId: 'g3', factorId: 'f3', text: 'Nätverket räcker inte till' },
  { groupId: 'g1', factorId: 'f4', text: 'Gamla system som inte kan prata med varandra' },
  { groupId: 'g2', factorId: 'f5', text: 'Systemen saknar öppna gränssnitt för integration' },
  { groupId: 'g3', factorId: 'f6', text: 'Dålig uppkoppling och dåligt wifi' },
]

describe('mergeSimilarFactors', () => {
  it('merges factors of different groups that say the same thing', () => {
    const entries = mergeSimilarFactors(factors)
    const wifi = entries.find((entry) => entry.wordings.some((w) => w.factorId === 'f1'))
    expect(wifi?.wordings.map((w) => w.factorId)).toContain('f2')
    expect(wifi?.groups).toEqual(['g1', 'g2', 'g3'])
    expect(wifi?.wordings.map((w) => w.factorId)).not.toContain('f4')
  })

  it('never merges two factors of one group, even identical ones', () => {
    const entries = mergeSimilarFactors([
      { groupId: 'g1', factorId: 'a', text: 'Tidsbrist' },
      { groupId: 'g1', factorId: 'b', text: 'Tidsbrist' },
    ])
    expect(entries).toHaveLength(2)
  })

  it('keeps every wording exactly once and names an entry by one of its wordings', () => {
    const entries = mergeSimilarFactors(factors)
    const ids = entries.flatMap((entry) => entry.wordings.map((w) => w.factorId)).sort()
    expect(ids).toEqual(factors.map((f) => f.factorId).sort())
    for (const entry of entries) {
      expect(entry.wordings.map((w) => w.text)).toContain(entry.text)
    }
  })

  it('holds for any input: no entry has a group twice, no wording is lost, order does not matter', () => {
    const factor = fc.record({
      groupId: fc.constantFrom('g1', 'g2', 'g3'),
      text: fc.constantFrom(...factors.map((f) => f.text), 'Tidsbrist', 'Ingen tid'),
    })
    fc.assert(
      fc.property(fc.array(factor, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (raw, keys) => {
        const input = raw.map((f, i) => ({ ...f, factorId: `f${i}` }))
        const shuffled = input
          .map((f) => ({ f, key: keys.next().value }))
          .sort((a, b) => a.key - b.key)
          .map(({ f }) => f)
        const entries = mergeSimilarFactors(input)
        for (const entry of entries) {
          const groups = entry.wordings.map((w) => w.groupId)
          expect(new Set(groups).size).toBe(groups.length)
        }
        expect(entries.flatMap((e) => e.wordings).length).toBe(input.length)
        expect(mergeSimilarFactors(shuffled)).toEqual(entries)
      }),
      { numRuns: 50 },
    )
  })
})

describe('suggestClusters', () => {
  const notes = factors.map((f) => ({ id: f.factorId, text: f.text }))

  it('puts every note in exactly one cluster', () => {
    const ids = suggestClusters(notes).flatMap((cluster) => cluster.noteIds)
    expect(ids.sort()).toEqual(notes.map((note) => note.id).sort())
  })

  it('gives the same clusters for any input order', () => {
    expect(suggestClusters([...notes].reverse())).toEqual(suggestClusters(notes))
  })

  it('groups notes on one topic and names the group after its shared concept', () => {
    const clusters = suggestClusters(notes)
    const network = clusters.find((cluster) => cluster.noteIds.includes('f1'))
    expect(network?.noteIds).toEqual(expect.arrayContaining(['f2', 'f6']))
    expect(network?.name).toBe('Uppkoppling')
  })

  it('returns no clusters for no notes', () => {
    expect(suggestClusters([])).toEqual([])
  })
})
