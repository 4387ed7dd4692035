import { readRecord, type RecordJson } from '../../shared/board/boardDoc'
import { checkBallot, isVoteItem, rankResults, type BallotCheck } from '../../shared/day/votes'
import type { VoteResult } from '../../shared/workshopContracts'
import type { ServerContext } from '../http/Route'
import type { VoteRecord } from './DayRecord'
import { itemTexts } from './itemText'

/** The record `itemId` on one of the vote's boards, if it is something that vote is about. */
export function findVoteItem(
  context: ServerContext,
  vote: VoteRecord,
  itemId: string,
): { boardId: string; record: RecordJson } | undefined {
  for (const boardId of vote.boardIds) {
    const record = context.reads.withDoc(boardId, (doc) => readRecord(doc, itemId))
    if (isVoteItem(record, vote.target)) return { boardId, record: record! }
  }
  return undefined
}

/**
 * Casts one ballot. Reading the participant's ballots, checking the budget and writing the
 * new count happen in one synchronous run (no await between them), so concurrent requests
 * of one participant are checked one after another and can never overspend.
 */
export function castBallot(
  context: ServerContext,
  workshopId: string,
  vote: VoteRecord,
  participantId: string,
  item: { itemId: string; boardId: string },
  delta: 1 | -1,
): BallotCheck {
  const given: Record<string, number> = {}
  for (const ballot of context.storage.ballotsOf(vote.id, participantId)) {
    given[ballot.itemId] = ballot.votes
  }
  const check = checkBallot(given, item.itemId, delta, vote)
  if (!check.ok) return check
  context.storage.setBallot(workshopId, {
    voteId: vote.id,
    participantId,
    itemId: item.itemId,
    boardId: item.boardId,
    votes: check.votes,
  })
  return check
}

export function tally(context: ServerContext, vote: VoteRecord): VoteResult[] {
  return rankResults(context.storage.allBallots(vote.id), itemTexts(context))
}
