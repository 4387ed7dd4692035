import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** A note of the shared test workshop (see `about` in the fixture). */
export interface FixtureNote {
  id: string
  group: string
  polarity: 'hindering' | 'enabling'
  keyArea: string
  /** Notes sharing an idea id say the same thing in other words. */
  idea: string
  text: string
}

export interface Fixture {
  keyAreas: { id: string; sv: string; en: string }[]
  groups: { id: string; name: string }[]
  notes: FixtureNote[]
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** CI clones the repo with `shared/` beside it, as /work/shared sits beside the worktree. */
export function loadFixture(): Fixture {
  const file = path.resolve(repoRoot, '../shared/fixtures/factors-sv.json')
  return JSON.parse(readFileSync(file, 'utf8')) as Fixture
}

const readSet = (name: string) =>
  JSON.parse(
    readFileSync(path.resolve(repoRoot, 'tests/bench/quality/heldout', name), 'utf8'),
  ) as Fixture

/**
 * The final held-out notes (set C): written before any output of the method on them was looked
 * at, never used to choose a setting; they only score. See docs/similarity.md.
 */
export function loadHeldOut(): Fixture {
  return readSet('final-factors-sv.json')
}

/**
 * Set B: written as held-out data, scored once (heldout/first-score-of-set-b.txt), and from then
 * on dev data beside the team fixture, because its score had been seen.
 */
export function loadSecondDev(): Fixture {
  return readSet('heldout-factors-sv.json')
}

/** Before issue 12, the dev lexicon entries were written after reading these fixture groups. */
export const DEV_GROUPS: readonly string[] = ['g1', 'g2']
export const HELD_OUT_GROUPS: readonly string[] = ['g3', 'g4']

/** True when this module is the script Node was started with (`npx tsx file.ts`). */
export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1]
  return entry !== undefined && path.resolve(entry) === fileURLToPath(moduleUrl)
}
