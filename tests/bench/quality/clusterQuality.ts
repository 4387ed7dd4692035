import {
  adjustedRandIndex,
  DEFAULT_CLUSTER_THRESHOLD,
  DEFAULT_LEXICON,
  FIELD_LEXICON,
  suggestClusters,
  type Concept,
} from '../../../shared/similarity'
import { DEV_GROUPS, HELD_OUT_GROUPS, isMainModule, loadFixture, type FixtureNote } from './fixture'
import { printTable } from './printTable'

/** One clustering run scored against the facilitator's key areas and the idea ids. */
export interface ClusterQualityRow {
  notes: string
  lexicon: string
  threshold: number
  clusters: number
  ariKeyArea: number
  ariIdea: number
}

const LEXICONS: [string, readonly Concept[]][] = [
  ['field + dev', DEFAULT_LEXICON],
  ['field only', FIELD_LEXICON],
  ['none', []],
]

/** Runs `suggestClusters` on unlabelled notes and compares with the labels by ARI. */
export function measureClusterQuality(): ClusterQualityRow[] {
  const notes = loadFixture().notes
  const subsets: [string, FixtureNote[]][] = [
    [`all ${notes.length}`, notes],
    [`held-out g3+g4`, notes.filter((note) => HELD_OUT_GROUPS.includes(note.group))],
    [`dev g1+g2`, notes.filter((note) => DEV_GROUPS.includes(note.group))],
  ]
  return subsets.flatMap(([label, subset]) =>
    LEXICONS.map(([lexiconName, lexicon]) => ({
      notes: `${label} (${subset.length})`,
      lexicon: lexiconName,
      threshold: DEFAULT_CLUSTER_THRESHOLD,
      ...scoreClustering(subset, lexicon),
    })),
  )
}

function scoreClustering(notes: readonly FixtureNote[], lexicon: readonly Concept[]) {
  const clusters = suggestClusters(
    notes.map((note) => ({ id: note.id, text: note.text })),
    { lexicon },
  )
  const clusterOf = new Map<string, string>()
  clusters.forEach((cluster, i) => cluster.noteIds.forEach((id) => clusterOf.set(id, String(i))))
  const predicted = notes.map((note) => clusterOf.get(note.id) ?? '')
  return {
    clusters: clusters.length,
    ariKeyArea: adjustedRandIndex(
      predicted,
      notes.map((note) => note.keyArea),
    ),
    ariIdea: adjustedRandIndex(
      predicted,
      notes.map((note) => note.idea),
    ),
  }
}

if (isMainModule(import.meta.url)) {
  printTable(
    'Cluster quality: suggestClusters vs labels (Adjusted Rand Index)',
    measureClusterQuality(),
  )
  const notes = loadFixture().notes
  const byId = new Map(notes.map((note) => [note.id, note]))
  console.log('\nSuggested clusters on all notes (name: key areas of members)')
  for (const cluster of suggestClusters(notes)) {
    const areas = cluster.noteIds.map((id) => byId.get(id)?.keyArea).join(', ')
    console.log(`  ${cluster.name} [${cluster.noteIds.length}]: ${areas}`)
  }
}
