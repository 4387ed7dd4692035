import type { RecordJson } from '../board/boardDoc'
import { clusterName, factorText, isCluster, isFactorRecord } from '../factors'
import type { BudgetPolarity, PolarityBudgets, VoteResult, VoteTarget } from '../workshopContracts'

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

/** A vote's budgets: votes per person, and optionally separate ones per polarity. */
export interface BallotLimits {
  votesPerPerson: number
  maxPerItem: number | null
  /** Separate budgets for hindering and enabling notes (null: one budget for all). */
  budgets: PolarityBudgets | null
}

/** What a participant gave so far (itemId → votes and the polarity they counted against). */
export type GivenBallots = Record<string, { votes: number; polarity: BudgetPolarity | null }>

export type BallotCheck =
  | { ok: true; votes: number; remaining: number; remainingByPolarity: PolarityBudgets | null }
  | {
      ok: false
      reason: 'budgetSpent' | 'capReached' | 'nothingToTakeBack' | 'polarityBudgetSpent'
    }

/** Votes left per polarity, given what a participant gave; null without separate budgets. */
export function remainingByPolarity(
  given: GivenBallots,
  budgets: PolarityBudgets | null,
): PolarityBudgets | null {
  if (!budgets) return null
  const left = { ...budgets }
  for (const ballot of Object.values(given)) {
    if (ballot.polarity) left[ballot.polarity] -= ballot.votes
  }
  return left
}

/**
 * Whether one more (or one less) vote on `itemId` fits a participant's budget, given the
 * votes they gave so far. With separate budgets, `polarity` is the item's (a vote counts
 * against the budget of the polarity it was first given under, should the note change
 * later). The server asks this before every ballot.
 */
export function checkBallot(
  given: GivenBallots,
  itemId: string,
  delta: 1 | -1,
  limits: BallotLimits,
  polarity: BudgetPolarity | null = null,
): BallotCheck {
  const used = Object.values(given).reduce((sum, ballot) => sum + ballot.votes, 0)
  const onItem = given[itemId]?.votes ?? 0
  const countsAgainst = given[itemId]?.polarity ?? polarity
  const after = (votes: number) => {
    const next = { ...given, [itemId]: { votes, polarity: countsAgainst } }
    return {
      ok: true as const,
      votes,
      remaining: limits.votesPerPerson - used - (votes - onItem),
      remainingByPolarity: remainingByPolarity(next, limits.budgets),
    }
  }
  if (delta === -1) {
    if (onItem <= 0) return { ok: false, reason: 'nothingToTakeBack' }
    return after(onItem - 1)
  }
  if (used >= limits.votesPerPerson) return { ok: false, reason: 'budgetSpent' }
  if (limits.budgets) {
    const left = remainingByPolarity(given, limits.budgets)!
    if (!countsAgainst || left[countsAgainst] <= 0) {
      return { ok: false, reason: 'polarityBudgetSpent' }
    }
  }
  if (limits.maxPerItem !== null && onItem >= limits.maxPerItem) {
    return { ok: false, reason: 'capReached' }
  }
  return after(onItem + 1)
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
