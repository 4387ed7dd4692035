import {
  adjustedRandIndex,
  DEFAULT_CLUSTER_THRESHOLD,
  DEFAULT_LEXICON,
  suggestClusters,
  type SuggestClustersOptions,
} from '../../../shared/similarity'
import { isMainModule, loadFixture, loadHeldOut, loadSecondDev, type FixtureNote } from './fixture'
import { printTable } from './printTable'

/** One clustering run scored against the facilitator's key areas and the idea ids. */
export interface ClusterQualityRow {
  notes: string
  method: string
  clusters: number
  ariKeyArea: number
  ariIdea: number
}

const METHODS: [string, SuggestClustersOptions][] = [
  [`default: thesaurus + lexicon, t=${DEFAULT_CLUSTER_THRESHOLD}`, {}],
  [`thesaurus only, t=${DEFAULT_CLUSTER_THRESHOLD}`, { lexicon: [] }],
  [
    'before issue 12: lexicon, no thesaurus, t=0.08',
    {
      lexicon: DEFAULT_LEXICON,
      thesaurus: null,
      threshold: 0.08,
    },
  ],
]

/** Runs `suggestClusters` on unlabelled notes and compares with the labels by ARI. */
export function measureClusterQuality(): ClusterQualityRow[] {
  const subsets: [string, FixtureNote[]][] = [
    ['HELD OUT set C', loadHeldOut().notes],
    ['dev: set B', loadSecondDev().notes],
    ['dev: team fixture', loadFixture().notes],
  ]
  return subsets.flatMap(([label, subset]) =>
    METHODS.map(([method, options]) => ({
      notes: `${label} (${subset.length})`,
      method,
      ...scoreClustering(subset, options),
    })),
  )
}

export function scoreClustering(notes: readonly FixtureNote[], options: SuggestClustersOptions) {
  const clusters = suggestClusters(
    notes.map((note) => ({ id: note.id, text: note.text })),
    options,
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
