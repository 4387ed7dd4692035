import type { RecordJson } from '../board/boardDoc'
import { clusterName, factorText, isCluster, isFactorRecord } from '../factors'
import type { VoteResult, VoteTarget } from '../workshopContracts'

export const MAX_VOTES_PER_PERSON = 20

/** Whether a record can be voted on: a note (factor) for `notes`, a cluster for `clusters`. */
export function isVoteItem(record: RecordJson | undefined, target: VoteTarget): boolean {
  if (!record) return false
  return target === 'notes' ? isFactorRecord(record) : isCluster(record)
}

export function voteItemText(record: RecordJson | undefined): string {
  if (!record) return ''
  return isCluster(record) ? clusterName(record) : factorText(record)
}

export interface BallotLimits {
  votesPerPerson: number
  maxPerItem: number | null
}

export type BallotCheck =
  | { ok: true; votes: number; remaining: number }
  | { ok: false; reason: 'budgetSpent' | 'capReached' | 'nothingToTakeBack' }

/**
 * Whether one more (or one less) vote on `itemId` fits a participant's budget, given the
 * votes they gave so far (itemId → votes). The server asks this before every ballot.
 */
export function checkBallot(
  given: Record<string, number>,
  itemId: string,
  delta: 1 | -1,
  limits: BallotLimits,
): BallotCheck {
  const used = Object.values(given).reduce((sum, n) => sum + n, 0)
  const onItem = given[itemId] ?? 0
  if (delta === -1) {
    if (onItem <= 0) return { ok: false, reason: 'nothingToTakeBack' }
    return { ok: true, votes: onItem - 1, remaining: limits.votesPerPerson - used + 1 }
  }
  if (used >= limits.votesPerPerson) return { ok: false, reason: 'budgetSpent' }
  if (limits.maxPerItem !== null && onItem >= limits.maxPerItem) {
    return { ok: false, reason: 'capReached' }
  }
  return { ok: true, votes: onItem + 1, remaining: limits.votesPerPerson - used - 1 }
}

/** Sums ballots per item, most votes first (ties by text, then id, so the order is stable). */
export function rankResults(
  ballots: { itemId: string; boardId: string; votes: number }[],
  textOf: (boardId: string, itemId: string) => string,
): VoteResult[] {
  const totals = new Map<string, VoteResult>()
  for (const ballot of ballots) {
    const entry = totals.get(ballot.itemId) ?? {
      itemId: ballot.itemId,
      boardId: ballot.boardId,
      text: '',
      votes: 0,
    }
    entry.votes += ballot.votes
    totals.set(ballot.itemId, entry)
  }
  const results = [...totals.values()].filter((result) => result.votes > 0)
  for (const result of results) result.text = textOf(result.boardId, result.itemId)
  return results.sort(
    (a, b) =>
      b.votes - a.votes || a.text.localeCompare(b.text, 'sv') || a.itemId.localeCompare(b.itemId),
  )
}
