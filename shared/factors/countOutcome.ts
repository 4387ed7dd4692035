import type { RecordJson } from '../board/boardDoc'
import { isPolarity, type Polarity } from './Factor'
import type { Outcome } from './computeOutcome'
import { boardPlaces, placeOfNote, type BoardPlace } from './boardPlaces'
import { isFactorRecord } from './readFactor'
import { meta } from './recordFields'
import { recordsById } from './shapeBounds'

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

/** What counting needs of a board: its places in reading order, each factor's place. */
export interface FactorPlacement {
  places: BoardPlace[]
  /** Every factor's polarity and the id of the cluster or side it counts in (none: unsorted). */
  factors: { id: string; placeId: string | undefined; polarity: Polarity }[]
}

/**
 * Where each factor counts, without putting the notes in reading order or reading their
 * text: only the clusters and sides are ordered. Cheap enough to run on every change of a
 * 2,000-note board, so counting itself can wait until a placement changes.
 */
export function placeFactors(records: readonly RecordJson[]): FactorPlacement {
  const byId = recordsById(records)
  const { places, sides } = boardPlaces(records, byId)
  const factors: FactorPlacement['factors'] = []
  for (const record of records) {
    if (!isFactorRecord(record)) continue
    const place = placeOfNote(record, byId, sides)
    const polarity = meta(record).polarity
    if (place && 'side' in place) {
      factors.push({ id: record.id, placeId: place.side.id, polarity: place.side.polarity })
    } else {
      const placeId = place?.clusterId
      factors.push({
        id: record.id,
        placeId,
        polarity: isPolarity(polarity) ? polarity : 'undecided',
      })
    }
  }
  return { places, factors }
}

/** The counts of placed factors: per cluster and side, for the unsorted, for the board. */
export function countPlaced({ places, factors }: FactorPlacement): OutcomeCounts {
  const clusters = places.map((place) => ({
    id: place.id,
    name: place.name,
    ...countByPolarity([]),
  }))
  const clusterById = new Map(clusters.map((cluster) => [cluster.id, cluster]))
  const unsorted = countByPolarity([])
  for (const factor of factors) {
    const counts = (factor.placeId && clusterById.get(factor.placeId)) || unsorted
    counts[factor.polarity]++
    counts.total++
  }
  return withBoardTotals(clusters, unsorted)
}

/** The same counts as `countOutcome(computeOutcome(records))`, more cheaply. */
export function countFactors(records: readonly RecordJson[]): OutcomeCounts {
  return countPlaced(placeFactors(records))
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
