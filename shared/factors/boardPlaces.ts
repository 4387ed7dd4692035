import type { RecordJson } from '../board/boardDoc'
import type { SplitSide } from './clusterSections'
import { clusterName, isCluster } from './isCluster'
import { polaritySides, sideHolding, type PolaritySide } from './polaritySides'
import { readingOrder } from './readingOrder'
import { parentIdOf } from './recordFields'
import { pageBounds } from './shapeBounds'

/** Where factors are sorted into: a cluster frame, or a side of the board. */
export interface BoardPlace {
  id: string
  name: string
  /** Set for a side of the board: every factor on it has this polarity. */
  side?: SplitSide
}

/** A board's clusters and sides, in reading order, and its sides on their own. */
export function boardPlaces(
  records: readonly RecordJson[],
  byId: ReadonlyMap<string, RecordJson>,
): { places: BoardPlace[]; sides: PolaritySide[] } {
  const sides = polaritySides(records, byId)
  const sideById = new Map(sides.map((side) => [side.id, side]))
  const places: BoardPlace[] = [
    ...records.filter(isCluster).map((frame) => ({ id: frame.id, name: clusterName(frame) })),
    ...sides.map((side) => ({ id: side.id, name: side.name, side: side.polarity })),
  ]
  const placeBounds = (place: BoardPlace) =>
    sideById.get(place.id)?.bounds ?? pageBounds(byId.get(place.id)!, byId)
  return { places: readingOrder(places, placeBounds), sides }
}

/**
 * The place a note counts in: the cluster it is a child of, else the side of the board it
 * lies on (whose polarity it then has, whatever its meta says), else none: it is unsorted.
 */
export function placeOfNote(
  note: RecordJson,
  byId: ReadonlyMap<string, RecordJson>,
  sides: readonly PolaritySide[],
): { clusterId: string } | { side: PolaritySide } | undefined {
  const parent = byId.get(parentIdOf(note) ?? '')
  if (parent && isCluster(parent)) return { clusterId: parent.id }
  if (sides.length === 0) return undefined
  const side = sideHolding(sides, pageBounds(note, byId))
  return side ? { side } : undefined
}
