import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Polarity } from '../../shared/factors'

/** The shared fixture of 85 Swedish notes; shared/ sits beside the repo, in CI as on disk. */
const repoRoot = path.resolve(import.meta.dirname, '../..')
const fixturePath = path.resolve(repoRoot, '../shared/fixtures/factors-sv.json')

export interface FixtureNote {
  id: string
  group: string
  polarity: Exclude<Polarity, 'undecided'>
  keyArea: string
  idea: string
  text: string
}

export interface FactorFixture {
  keyAreas: { id: string; sv: string; en: string }[]
  groups: { id: string; name: string; municipalities: string[] }[]
  notes: FixtureNote[]
}

export const factorFixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as FactorFixture

/** Deterministic ids for records built in tests. */
export function idCounter(prefix = 'shape:t'): (kind?: 'shape') => string {
  let next = 0
  return () => `${prefix}${++next}`
}
