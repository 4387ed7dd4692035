import type { RecordJson } from '../board/boardDoc'
import { isPolarity, type Polarity } from './Factor'
import type { Outcome } from './computeOutcome'
import { clusterName, isCluster } from './isCluster'
import { isFactorRecord } from './readFactor'
import { readingOrder } from './readingOrder'
import { meta, parentIdOf } from './recordFields'
import { pageBounds, recordsById } from './shapeBounds'

export type PolarityCounts = Record<Polarity, number> & { total: number }

export interface OutcomeCounts extends PolarityCounts {
  clusters: ({ id: string; name: string } & PolarityCounts)[]
  /** Counts of the factors not in any cluster. */
  unsorted: PolarityCounts
}

function countByPolarity(factors: readonly { polarity: Polarity }[]): PolarityCounts {
  const counts: PolarityCounts = { hindering: 0, enabling: 0, undecided: 0, total: 0 }
  for (const factor of factors) {
    counts[factor.polarity]++
    counts.total++
  }
  return counts
}

/** Factor counts per cluster, for the unsorted factors, and for the whole board. */
export function countOutcome(outcome: Outcome): OutcomeCounts {
  const clusters = outcome.clusters.map((cluster) => ({
    id: cluster.id,
    name: cluster.name,
    ...countByPolarity([...cluster.hindering, ...cluster.enabling, ...cluster.undecided]),
  }))
  return withBoardTotals(clusters, countByPolarity(outcome.unsorted))
}

/**
 * The same counts as `countOutcome(computeOutcome(records))` without putting the notes in
 * reading order or reading their text: only the clusters are ordered. Cheap enough to run
 * whenever a note changes cluster or polarity on a 2,000-note board.
 */
export function countFactors(records: readonly RecordJson[]): OutcomeCounts {
  const byId = recordsById(records)
  const frames = readingOrder(records.filter(isCluster), (frame) => pageBounds(frame, byId))
  const clusters = frames.map((frame) => ({
    id: frame.id,
    name: clusterName(frame),
    ...countByPolarity([]),
  }))
  const clusterById = new Map(clusters.map((cluster) => [cluster.id, cluster]))
  const unsorted = countByPolarity([])
  for (const record of records) {
    if (!isFactorRecord(record)) continue
    const polarity = meta(record).polarity
    const parentId = parentIdOf(record)
    const counts = (parentId && clusterById.get(parentId)) || unsorted
    counts[isPolarity(polarity) ? polarity : 'undecided']++
    counts.total++
  }
  return withBoardTotals(clusters, unsorted)
}

function withBoardTotals(
  clusters: OutcomeCounts['clusters'],
  unsorted: PolarityCounts,
): OutcomeCounts {
  const board = { ...unsorted }
  for (const cluster of clusters) {
    board.hindering += cluster.hindering
    board.enabling += cluster.enabling
    board.undecided += cluster.undecided
    board.total += cluster.total
  }
  return { ...board, clusters, unsorted }
}
