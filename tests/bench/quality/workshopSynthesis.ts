import * as Y from 'yjs'
import type { Factor } from '../../../shared/factors'
import { gatherIntoDoc } from '../../../shared/workshop/gather'
import { synthesize, type GroupOutcome } from '../../../shared/workshop/synthesis'
import type { Synthesis } from '../../../shared/workshopContracts'
import { isMainModule, loadFixture, type Fixture, type FixtureNote } from './fixture'
import { pairsWithin, scorePairs, type PairScores } from './pairScores'
import { printTable } from './printTable'

/** One way through the workshop synthesis, scored on every pair of fixture notes. */
export interface WorkshopSynthesisRow extends PairScores {
  path: string
}

/** The fixture's groups as group boards: one cluster per key area, named as the template does. */
function outcomes(fixture: Fixture, groups: readonly string[]): GroupOutcome[] {
  return fixture.groups
    .filter((group) => groups.includes(group.id))
    .map((group) => {
      const notes = fixture.notes.filter((note) => note.group === group.id)
      const factors = (area: string, polarity: FixtureNote['polarity']): Factor[] =>
        notes
          .filter((note) => note.keyArea === area && note.polarity === polarity)
          .map((note) => ({ id: note.id, text: note.text, polarity, createdAt: 0 }))
      return {
        id: group.id,
        name: group.name,
        outcome: {
          unsorted: [],
          clusters: fixture.keyAreas.map((area) => ({
            id: area.id,
            name: area.sv,
            hindering: factors(area.id, 'hindering'),
            enabling: factors(area.id, 'enabling'),
            undecided: [],
          })),
        },
      }
    })
}

function entriesOf(synthesis: Synthesis): string[][] {
  return synthesis.keyAreas.flatMap((area) =>
    [...area.hindering, ...area.enabling].map((entry) => entry.wordings.map((w) => w.factorId)),
  )
}

function truth(fixture: Fixture): string[][] {
  const byIdea = new Map<string, string[]>()
  for (const note of fixture.notes) {
    const key = `${note.keyArea}/${note.polarity}/${note.idea}`
    byIdea.set(key, [...(byIdea.get(key) ?? []), note.id])
  }
  return [...byIdea.values()]
}

const ALL = ['g1', 'g2', 'g3', 'g4']

/**
 * Pairwise precision and recall of merged pairs (a pair is truly the same when it shares an
 * idea id) through the whole workshop path: group outcomes → key areas → merged entries, and
 * the plenary gathered once, or gathered with three groups and then again with all four.
 */
export function measureWorkshopSynthesis(): WorkshopSynthesisRow[] {
  const fixture = loadFixture()
  const truePairs = pairsWithin(truth(fixture))
  const score = (path: string, entries: string[][]) => ({
    path,
    ...scorePairs(pairsWithin(entries), truePairs),
  })
  let n = 0
  const newId = () => `shape:bench${++n}`
  const once = new Y.Doc()
  const gatheredOnce = gatherIntoDoc(once, outcomes(fixture, ALL), 'sv', newId)
  const twice = new Y.Doc()
  gatherIntoDoc(twice, outcomes(fixture, ALL.slice(0, 3)), 'sv', newId)
  const gatheredAgain = gatherIntoDoc(twice, outcomes(fixture, ALL), 'sv', newId)
  return [
    score('synthesize (GET /synthesis)', entriesOf(synthesize(outcomes(fixture, ALL)))),
    score('gather once into plenary', entriesOf(gatheredOnce)),
    score('gather g1-g3, then again with g4', entriesOf(gatheredAgain)),
  ]
}

if (isMainModule(import.meta.url)) {
  printTable('Workshop synthesis: merged pairs vs same idea id', measureWorkshopSynthesis())
}
