import { createTLSchema } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { computeOutcome, factorText, isCluster } from '../../shared/factors'
import {
  builtInTemplates,
  findBuiltInTemplate,
  findUnsortedArea,
  type Language,
} from '../../shared/templates'
import type { RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { idCounter } from './factorFixture'

const schema = createTLSchema()
const languages: Language[] = ['sv', 'en']

function build(id: string, language: Language): RecordJson[] {
  return findBuiltInTemplate(id)!.build({ language, newId: idCounter() })
}

describe('every template', () => {
  for (const template of builtInTemplates) {
    for (const language of languages) {
      describe(`${template.id} (${language})`, () => {
        const records = template.build({ language, newId: idCounter() })

        it('builds only records that tldraw’s schema accepts', () => {
          for (const record of records) {
            expect(() => schema.types.shape.validate(record)).not.toThrow()
          }
        })

        it('gives every record its own id', () => {
          expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
        })

        it('locks its structure but never a cluster frame', () => {
          for (const record of records) {
            if (isCluster(record)) expect(record.isLocked).toBe(false)
            else if (record.type !== 'note') expect(record.isLocked).toBe(true)
          }
        })

        it('puts every child in a parent that the template builds', () => {
          const ids = new Set(records.map((r) => r.id))
          for (const record of records) {
            expect(record.parentId === 'page:page' || ids.has(record.parentId as string)).toBe(true)
          }
        })
      })
    }
    it(`${template.id} has a title in both languages`, () => {
      expect(template.title.sv).not.toBe('')
      expect(template.title.en).not.toBe('')
    })
  }
})

describe('key-areas template', () => {
  const svNames = [
    'Ledarskap',
    'Styrning och strategi',
    'Kultur och förhållningssätt',
    'Kompetens och lärande',
    'Delaktighet och medarbetarskap',
    'Samverkan',
    'Invånarnas behov',
    'Teknik och infrastruktur',
    'Juridik och informationssäkerhet',
    'Resurser och finansiering',
    'Kommunikation och förankring',
  ]

  it('has exactly eleven clusters with the default Swedish names, in reading order', () => {
    const outcome = computeOutcome(build('key-areas', 'sv'))
    expect(outcome.clusters.map((c) => c.name)).toEqual(svNames)
  })

  it('names the clusters in English on an English board', () => {
    const names = computeOutcome(build('key-areas', 'en')).clusters.map((c) => c.name)
    expect(names).toHaveLength(11)
    expect(names[0]).toBe('Leadership')
    expect(names[10]).toBe('Communication and buy-in')
  })

  it('splits every cluster into a locked hindering half and a locked enabling half', () => {
    const records = build('key-areas', 'sv')
    for (const frame of records.filter(isCluster)) {
      const halves = records.filter((r) => r.parentId === frame.id)
      expect(halves.map((h) => (h.meta as { area: string }).area).sort()).toEqual([
        'enabling',
        'hindering',
      ])
      expect(halves.every((h) => h.isLocked === true && h.type === 'geo')).toBe(true)
    }
  })

  it('has an unsorted area beside the grid', () => {
    const records = build('key-areas', 'sv')
    const area = findUnsortedArea(records)
    const rightmostCluster = Math.max(...records.filter(isCluster).map((f) => f.x as number))
    expect(area.x).toBeGreaterThan(rightmostCluster + 1000)
  })
})

describe('other templates', () => {
  it('makes the design steps cluster frames, in order', () => {
    expect(computeOutcome(build('design-process', 'sv')).clusters.map((c) => c.name)).toEqual([
      'Skapa grogrund',
      'Samskapa',
      'Prototypa',
      'Uppskalning',
    ])
    expect(computeOutcome(build('design-process', 'en')).clusters.map((c) => c.name)).toEqual([
      'Groundwork',
      'Co-create',
      'Prototype',
      'Scale up',
    ])
  })

  it('asks the three reflection questions', () => {
    expect(computeOutcome(build('reflection', 'sv')).clusters.map((c) => c.name)).toEqual([
      'Vad fungerade?',
      'Vad fungerade inte?',
      'Vad tar vi med oss hem?',
    ])
  })

  it('pre-fills the game rules with example agreements, as rules rather than factors', () => {
    const records = build('game-rules', 'sv')
    expect(computeOutcome(records).unsorted).toEqual([])
    const texts = records
      .filter((r) => r.type === 'note' && (r.meta as { kind?: string }).kind === 'rule')
      .map(factorText)
    expect(texts).toEqual(
      expect.arrayContaining([
        'Arbetet ska vara transparent',
        'Vi vågar göra fel',
        'Vi tar oss tid att reflektera',
      ]),
    )
    expect(texts.length).toBeGreaterThan(3)
  })
})

describe('findUnsortedArea', () => {
  it('finds the unsorted area below its label', () => {
    const records = build('hindering-enabling', 'sv')
    const shape = records.find((r) => (r.meta as { area?: string }).area === 'unsorted')!
    const area = findUnsortedArea(records)
    expect(area.x).toBeGreaterThan(shape.x as number)
    expect(area.y).toBeGreaterThan(shape.y as number)
  })

  it('falls back to free space right of all shapes', () => {
    const note = noteShape(
      { id: 'shape:n', x: 500, y: 40, index: 'a1' },
      { text: 'x', color: 'yellow' },
    )
    const area = findUnsortedArea([note])
    expect(area.x).toBeGreaterThan(700)
    expect(area.y).toBe(40)
    expect(findUnsortedArea([])).toMatchObject({ x: 0, y: 0 })
  })
})
