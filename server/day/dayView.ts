import { timerView } from '../../shared/day/timer'
import type { Role, VoteView, WorkshopDay } from '../../shared/workshopContracts'
import type { Storage } from '../storage/Storage'
import type { Day } from './Day'
import type { VoteRecord } from './DayRecord'
import { handsOfPresent } from './hands'
import { rankWithTexts, type ItemText } from './itemText'

/**
 * A vote as a role may see it. The tally is there once the vote is closed, or while it runs
 * when it was started with results shown live; a hidden open vote shows no numbers to anyone
 * here (the facilitator may ask `GET …/votes/:id`).
 */
export async function voteView(
  vote: VoteRecord,
  storage: Storage,
  textOf: ItemText,
): Promise<VoteView> {
  let results = vote.results
  if (!results && !vote.hidden)
    results = await rankWithTexts(await storage.allBallots(vote.id), textOf)
  return {
    id: vote.id,
    boardIds: vote.boardIds,
    target: vote.target,
    votesPerPerson: vote.votesPerPerson,
    maxPerItem: vote.maxPerItem,
    budgets: vote.budgets ?? null,
    hidden: vote.hidden,
    openedAt: vote.openedAt,
    closedAt: vote.closedAt,
    results,
  }
}

/** The day's state as `role` may see it; names of raised hands only for the facilitator. */
export async function dayView(
  day: Day,
  workshopId: string,
  role: Role,
  storage: Storage,
  textOf: ItemText,
  now = Date.now(),
): Promise<WorkshopDay> {
  const record = await day.get(workshopId)
  const people = new Map(
    (await storage.participants(workshopId)).map((person) => [person.id, person]),
  )
  const hands = handsOfPresent(record.hands, new Set(people.keys()))
  const active = record.votes.find((vote) => vote.closedAt === null)
  return {
    serverTime: now,
    agenda: record.agenda,
    currentStepId: record.currentStepId,
    stepRuns: record.stepRuns,
    timer: record.timer ? timerView(record.timer, now) : null,
    inputPaused: day.inputPaused(record, now),
    privateWriting: record.privateWriting,
    revealedAt: record.revealedAt,
    revealAnonymous: record.revealAnonymous,
    activeVoteId: active?.id ?? null,
    votes: await Promise.all(record.votes.map((vote) => voteView(vote, storage, textOf))),
    hands:
      role === 'facilitator'
        ? hands.map((hand) => {
            const person = people.get(hand.participantId)!
            return {
              participantId: hand.participantId,
              name: person.name,
              boardId: person.boardId,
              at: hand.at,
            }
          })
        : [],
    handCount: hands.length,
    attention: record.attention,
    spotlights: record.spotlights,
  }
}
