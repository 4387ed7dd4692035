import { compareStrings } from './compareStrings'
import { agglomerate } from './agglomerate'
import { clusterName } from './clusterName'
import { DEFAULT_MODEL_CLUSTER_THRESHOLD } from './modelThresholds'
import { buildSimilarityModel, type SimilarityOptions } from './similarityModel'

/** A note on the board that is not yet in a cluster. */
export interface UnsortedNote {
  id: string
  text: string
}

/** A proposed cluster: a heading and the notes under it. */
export interface SuggestedCluster {
  name: string
  noteIds: string[]
}

export interface SuggestClustersOptions extends SimilarityOptions {
  /** Average similarity needed to share a cluster; lower gives fewer, broader clusters. */
  threshold?: number
  /** The same when the similarity comes from `embeddings` (cosines of another scale). */
  modelThreshold?: number
}

/** Broad enough to gather one key area's notes; best key-area ARI on the dev notes. */
export const DEFAULT_CLUSTER_THRESHOLD = 0.1

/**
 * Groups notes by similar wording and names each group. Every note lands in exactly one
 * cluster (a note like no other stays alone). Deterministic: input order does not matter.
 * Clusters come largest first, then by their first note id.
 */
export function suggestClusters(
  notes: readonly UnsortedNote[],
  options: SuggestClustersOptions = {},
): SuggestedCluster[] {
  const sorted = [...notes].sort(
    (a, b) => compareStrings(a.id, b.id) || compareStrings(a.text, b.text),
  )
  const model = buildSimilarityModel(
    sorted.map((note) => note.text),
    options,
  )
  const clusters = agglomerate(model.matrix(), {
    threshold:
      model.method === 'model'
        ? (options.modelThreshold ?? DEFAULT_MODEL_CLUSTER_THRESHOLD)
        : (options.threshold ?? DEFAULT_CLUSTER_THRESHOLD),
  })
  return clusters
    .map((members) => ({
      name: clusterName(members.map((i) => model.terms[i] ?? [])),
      noteIds: members.map((i) => sorted[i]?.id ?? ''),
    }))
    .sort(
      (a, b) => b.noteIds.length - a.noteIds.length || compareStrings(a.noteIds[0], b.noteIds[0]),
    )
}
