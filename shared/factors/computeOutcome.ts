import type { RecordJson } from '../board/boardDoc'
import type { Factor, Polarity } from './Factor'
import { clusterName, isCluster } from './isCluster'
import { isFactorRecord, readFactor } from './readFactor'
import { readingOrder } from './readingOrder'
import { parentIdOf } from './recordFields'
import { pageBounds, recordsById } from './shapeBounds'

/** One cluster's factors, split by polarity. */
export interface ClusterOutcome extends Record<Polarity, Factor[]> {
  id: string
  name: string
}

/** What a board came to: its clusters with their factors, and the factors not yet sorted. */
export interface Outcome {
  /** In reading order of the frames on the page. */
  clusters: ClusterOutcome[]
  /** Factors whose parent is not a cluster: the page, or any other shape. */
  unsorted: Factor[]
}

/**
 * Reads a board's outcome from its records. Factors keep the reading order of their notes;
 * a cluster's notes are ordered by their position inside the frame.
 */
export function computeOutcome(records: readonly RecordJson[]): Outcome {
  const byId = recordsById(records)
  const bounds = (record: RecordJson) => pageBounds(record, byId)
  const clusters = readingOrder(records.filter(isCluster), bounds).map((frame): ClusterOutcome => ({
    id: frame.id,
    name: clusterName(frame),
    hindering: [],
    enabling: [],
    undecided: [],
  }))
  const clusterById = new Map(clusters.map((cluster) => [cluster.id, cluster]))
  const unsorted: Factor[] = []
  for (const note of readingOrder(records.filter(isFactorRecord), bounds)) {
    const parentId = parentIdOf(note)
    const factor = readFactor(note, parentId ? byId.get(parentId) : undefined)
    const cluster = factor.clusterId ? clusterById.get(factor.clusterId) : undefined
    if (cluster) cluster[factor.polarity].push(factor)
    else unsorted.push(factor)
  }
  return { clusters, unsorted }
}
