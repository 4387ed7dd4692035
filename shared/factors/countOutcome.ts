import type { Polarity } from './Factor'
import type { Outcome } from './computeOutcome'

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
  const unsorted = countByPolarity(outcome.unsorted)
  const board = { ...unsorted }
  for (const cluster of clusters) {
    board.hindering += cluster.hindering
    board.enabling += cluster.enabling
    board.undecided += cluster.undecided
    board.total += cluster.total
  }
  return { ...board, clusters, unsorted }
}
