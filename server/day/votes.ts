import { readRecord, type RecordJson } from '../../shared/board/boardDoc'
import {
  checkBallot,
  isVoteItem,
  type BallotCheck,
  type GivenBallots,
} from '../../shared/day/votes'
import { readFactor } from '../../shared/factors/readFactor'
import type { BudgetPolarity, VoteResult } from '../../shared/workshopContracts'
import type { ServerContext } from '../http/Route'
import type { Storage } from '../storage/Storage'
import type { VoteRecord } from './DayRecord'
import { itemTexts, rankWithTexts } from './itemText'

/** The record `itemId` on one of the vote's boards, if it is something that vote is about. */
export async function findVoteItem(
  context: ServerContext,
  vote: VoteRecord,
  itemId: string,
): Promise<{ boardId: string; record: RecordJson } | undefined> {
  for (const boardId of vote.boardIds) {
    const record = await context.reads.withDoc(boardId, (doc) => readRecord(doc, itemId))
    if (isVoteItem(record, vote.target)) return { boardId, record: record! }
  }
  return undefined
}

/**
 * Casts one ballot. Reading the participant's ballots, checking the budget and writing the
 * new count run as one section per participant and vote, on every node sharing the storage,
 * so concurrent requests of one participant are checked one after another and can never
 * overspend.
 */
export function castBallot(
  context: Pick<ServerContext, 'storage'>,
  workshopId: string,
  vote: VoteRecord,
  participantId: string,
  item: { itemId: string; boardId: string; record: RecordJson },
  delta: 1 | -1,
): Promise<BallotCheck> {
  return context.storage.serialized(`ballot:${vote.id}:${participantId}`, async () => {
    const given = await givenBallots(context.storage, vote.id, participantId)
    const budgets = vote.budgets ?? null
    const polarity = budgets ? budgetPolarity(item.record) : null
    const limits = { votesPerPerson: vote.votesPerPerson, maxPerItem: vote.maxPerItem, budgets }
    const check = checkBallot(given, item.itemId, delta, limits, polarity)
    if (!check.ok) return check
    await context.storage.setBallot(workshopId, {
      voteId: vote.id,
      participantId,
      itemId: item.itemId,
      boardId: item.boardId,
      votes: check.votes,
      polarity: given[item.itemId]?.polarity ?? polarity,
    })
    return check
  })
}

/** What a participant gave in a vote so far, as `checkBallot` reads it. */
export async function givenBallots(
  storage: Storage,
  voteId: string,
  participantId: string,
): Promise<GivenBallots> {
  const given: GivenBallots = {}
  for (const ballot of await storage.ballotsOf(voteId, participantId)) {
    given[ballot.itemId] = { votes: ballot.votes, polarity: ballot.polarity ?? null }
  }
  return given
}

/** The budget a note's votes count against: its polarity, none while undecided. */
function budgetPolarity(record: RecordJson): BudgetPolarity | null {
  const polarity = readFactor(record).polarity
  return polarity === 'undecided' ? null : polarity
}

export async function tally(context: ServerContext, vote: VoteRecord): Promise<VoteResult[]> {
  return rankWithTexts(await context.storage.allBallots(vote.id), itemTexts(context))
}
