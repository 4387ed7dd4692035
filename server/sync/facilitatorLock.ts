import * as Y from 'yjs'
import type { Role } from '../../shared/workshopContracts'
import { FACILITATOR_LOCK_META_KEY } from '../../shared/workshopContracts'
import { recordsMap } from '../../shared/board/boardDoc'

/** Whether a stored record (a Y.Map) carries the facilitator's lock. */
export function isFacilitatorLocked(value: unknown): boolean {
  if (!(value instanceof Y.Map)) return false
  const meta = value.get('meta')
  return meta instanceof Y.Map && meta.get(FACILITATOR_LOCK_META_KEY) === true
}

/** The ids of every facilitator-locked record of a doc. */
export function facilitatorLockedIds(doc: Y.Doc): Set<string> {
  const locked = new Set<string>()
  for (const [id, value] of recordsMap(doc)) if (isFacilitatorLocked(value)) locked.add(id)
  return locked
}

export interface LockRuleInput {
  role: Role
  /** Records the update creates, changes or deletes. */
  changedIds: Iterable<string>
  /** Locked before the update. */
  lockedBefore(id: string): boolean
  /** Locked after the update (false for a deleted record). */
  lockedAfter(id: string): boolean
}

/**
 * The facilitator lock as a write rule: only the facilitator may change, move, delete, lock
 * or unlock a shape the facilitator locked. Returns why an update is refused, or undefined.
 * A pure function of its input, so a per-role write policy can call it as one of its rules.
 */
export function facilitatorLockRule(input: LockRuleInput): string | undefined {
  if (input.role === 'facilitator') return undefined
  for (const id of input.changedIds) {
    if (input.lockedBefore(id)) return `${id} is locked by the facilitator`
    if (input.lockedAfter(id)) return `only the facilitator may lock ${id}`
  }
  return undefined
}
