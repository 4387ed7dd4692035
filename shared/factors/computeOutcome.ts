import type { RecordJson } from '../board/boardDoc'
import type { Factor, Polarity } from './Factor'
import type { SplitSide } from './clusterSections'
import { boardPlaces, placeOfNote } from './boardPlaces'
import { isFactorRecord, readFactor } from './readFactor'
import { readingOrder } from './readingOrder'
import { parentIdOf } from './recordFields'
import { pageBounds, recordsById } from './shapeBounds'

/** One cluster's factors, split by polarity. */
export interface ClusterOutcome extends Record<Polarity, Factor[]> {
  id: string
  name: string
  /**
   * Set when this is a side of the board (an area of one polarity) rather than a cluster
   * frame: all its factors have that polarity, and it cannot be renamed.
   */
  side?: SplitSide
}

/** What a board came to: its clusters with their factors, and the factors not yet sorted. */
export interface Outcome {
  /** In reading order of the frames on the page. */
  clusters: ClusterOutcome[]
  /** Factors neither in a cluster nor on a side: on the page, or on any other shape. */
  unsorted: Factor[]
}

/**
 * Reads a board's outcome from its records. Clusters and sides come in reading order;
 * factors keep the reading order of their notes. A note on a side belongs to the side with
 * the side's polarity, whatever its own meta says: where it was put is what it says.
 */
export function computeOutcome(records: readonly RecordJson[]): Outcome {
  const byId = recordsById(records)
  const bounds = (record: RecordJson) => pageBounds(record, byId)
  const { places, sides } = boardPlaces(records, byId)
  const clusters = places.map((place): ClusterOutcome => ({
    ...place,
    hindering: [],
    enabling: [],
    undecided: [],
  }))
  const clusterById = new Map(clusters.map((cluster) => [cluster.id, cluster]))
  const unsorted: Factor[] = []
  for (const note of readingOrder(records.filter(isFactorRecord), bounds)) {
    const parentId = parentIdOf(note)
    const factor = readFactor(note, parentId ? byId.get(parentId) : undefined)
    const place = placeOfNote(note, byId, sides)
    if (place && 'side' in place) {
      factor.clusterId = place.side.id
      factor.polarity = place.side.polarity
    }
    const cluster = factor.clusterId ? clusterById.get(factor.clusterId) : undefined
    if (cluster) cluster[factor.polarity].push(factor)
    else unsorted.push(factor)
  }
  return { clusters, unsorted }
}
