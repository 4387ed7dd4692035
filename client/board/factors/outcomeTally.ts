import { computed, type Signal, type TLShape } from 'tldraw'
import { asRecordJson } from './records'
import {
  countPlaced,
  placeFactors,
  type FactorPlacement,
  type OutcomeCounts,
} from '../../../shared/factors/countOutcome'

/**
 * The board's factor counts as a signal that changes only when a count can: when a note
 * changes cluster, side of the board or polarity, or a cluster or side is added, renamed or
 * reordered. Dragging notes within a cluster or a side, frame after frame, leaves the counts
 * (and so the panel) alone.
 */
export function outcomeTally(pageShapes: () => readonly TLShape[]): Signal<OutcomeCounts> {
  const placement = computed(
    'factor placement',
    () => placeFactors(pageShapes().map(asRecordJson)),
    { isEqual: samePlacement },
  )
  return computed('outcome counts', () => countPlaced(placement.get()))
}

function samePlacement(a: FactorPlacement, b: FactorPlacement): boolean {
  if (a.places.length !== b.places.length || a.factors.length !== b.factors.length) return false
  const samePlaces = a.places.every((place, i) => {
    const other = b.places[i]!
    return place.id === other.id && place.name === other.name
  })
  return (
    samePlaces &&
    a.factors.every((factor, i) => {
      const other = b.factors[i]!
      return (
        factor.id === other.id &&
        factor.placeId === other.placeId &&
        factor.polarity === other.polarity
      )
    })
  )
}
