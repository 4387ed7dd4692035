import type { RecordJson } from '../../shared/board/boardDoc'
import { FACILITATOR_LOCK_META_KEY } from '../../shared/workshopContracts'
import type { ChangeRule } from './writePolicy'

/** Whether a record (as JSON) carries the facilitator's lock. */
export function isFacilitatorLocked(record: RecordJson | undefined): boolean {
  const meta = record?.meta
  return (
    typeof meta === 'object' &&
    meta !== null &&
    !Array.isArray(meta) &&
    (meta as Record<string, unknown>)[FACILITATOR_LOCK_META_KEY] === true
  )
}

/**
 * The facilitator lock as a write rule: only the facilitator may change, move, delete, lock
 * or unlock a shape the facilitator locked. "Before" is the room's doc, so a participant
 * cannot unlock and move in one update, nor lock a shape so others cannot undo it.
 */
export const facilitatorLockRule: ChangeRule = (context, change) => {
  if (context.role === 'facilitator' || change.area !== 'records') return undefined
  if (isFacilitatorLocked(change.before)) return `${change.id} is locked by the facilitator`
  if (isFacilitatorLocked(change.after)) return `only the facilitator may lock ${change.id}`
  return undefined
}
