import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import { MAX_VOTES_PER_PERSON } from '../../../../shared/day/votes'
import type { VoteResults } from '../../../../shared/workshopContracts'
import { dayError, parseBody, tooOften } from '../../../day/dayErrors'
import type { VoteRecord } from '../../../day/DayRecord'
import { castBallot, findVoteItem, tally } from '../../../day/votes'
import { newId } from '../../../boards/BoardService'
import { denied, EVERY_ROLE } from '../../authorize'
import { readJson, sendJson } from '../../respond'
import type { Route, ServerContext } from '../../Route'
import { JSON_LIMIT, workshopFor } from '../workshopsCommon'

const ID = '([^/]*)'

const createBody = z
  .object({
    boardIds: z.array(z.string().max(64)).min(1).max(100).optional(),
    target: z.enum(['notes', 'clusters']),
    votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
    maxPerItem: z.number().int().min(1).max(MAX_VOTES_PER_PERSON).optional(),
    budgets: z
      .object({
        hindering: z.number().int().min(0).max(MAX_VOTES_PER_PERSON),
        enabling: z.number().int().min(0).max(MAX_VOTES_PER_PERSON),
      })
      .strict()
      .optional(),
    hidden: z.boolean().optional(),
  })
  .strict()
  .refine((body) => !body.budgets || body.target === 'notes', {
    message: 'separate budgets are for votes on notes',
    path: ['budgets'],
  })

const ballotBody = z
  .object({ itemId: z.string().min(1).max(200), delta: z.union([z.literal(1), z.literal(-1)]) })
  .strict()

async function voteOf(
  req: IncomingMessage,
  context: ServerContext,
  workshopId: string,
  voteId: string,
) {
  const vote = (await context.day.get(workshopId)).votes.find(
    (candidate) => candidate.id === voteId,
  )
  if (!vote) throw dayError(req, 404, 'unknown_vote')
  return vote
}

const ballotRefusal = {
  budgetSpent: 'budget_spent',
  capReached: 'cap_reached',
  nothingToTakeBack: 'nothing_to_take_back',
  polarityBudgetSpent: 'polarity_budget_spent',
} as const

export const voteRoutes: Route[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/votes$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = parseBody(req, createBody, await readJson(req, JSON_LIMIT))
      const boards = await context.storage.workshopBoards(workshop.id)
      const boardIds = body.boardIds ?? boards.filter((b) => b.kind === 'group').map((b) => b.id)
      if (!boardIds.every((id) => boards.some((board) => board.id === id))) {
        throw dayError(req, 400, 'unknown_board')
      }
      if ((await context.day.get(workshop.id)).votes.some((vote) => vote.closedAt === null)) {
        throw dayError(req, 409, 'vote_running')
      }
      const vote: VoteRecord = {
        id: newId(),
        boardIds: [...new Set(boardIds)],
        target: body.target,
        votesPerPerson: body.votesPerPerson,
        maxPerItem: body.maxPerItem ?? null,
        budgets: body.budgets ?? null,
        hidden: body.hidden ?? true,
        openedAt: Date.now(),
        closedAt: null,
        results: null,
      }
      await context.day.change(workshop.id, (day) => day.votes.push(vote))
      context.log.info({ workshop: workshop.id, vote: vote.id }, 'vote opened')
      sendJson(res, 201, { id: vote.id })
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/votes/${ID}/ballots$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'participant')
      const decision = await context.access.identifyParticipant(req, workshop.id)
      if (!decision.ok) throw denied(decision)
      const body = parseBody(req, ballotBody, await readJson(req, JSON_LIMIT))
      const participantId = decision.participant.id
      const wait = await context.limits.participantAction('ballot', workshop.id, participantId)
      if (wait !== undefined) {
        context.log.warn({ workshop: workshop.id, reason: 'rateLimited' }, 'ballot refused')
        throw tooOften(req, 'too_many_ballots', wait)
      }
      const vote = await voteOf(req, context, workshop.id, params[1]!)
      if (vote.closedAt !== null) throw dayError(req, 409, 'vote_closed')
      const item = await findVoteItem(context, vote, body.itemId)
      if (!item) throw dayError(req, 400, 'unknown_item')
      const check = await castBallot(
        context,
        workshop.id,
        vote,
        decision.participant.id,
        { itemId: body.itemId, boardId: item.boardId, record: item.record },
        body.delta,
      )
      if (!check.ok) throw dayError(req, 409, ballotRefusal[check.reason])
      context.day.touch(workshop.id)
      const { remaining, remainingByPolarity } = check
      sendJson(res, 200, remainingByPolarity ? { remaining, remainingByPolarity } : { remaining })
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/votes/${ID}/close$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const vote = await voteOf(req, context, workshop.id, params[1]!)
      if (vote.closedAt !== null) throw dayError(req, 409, 'vote_closed')
      const results = await tally(context, vote)
      await context.day.change(workshop.id, (day) => {
        const stored = day.votes.find((candidate) => candidate.id === vote.id)!
        stored.closedAt = Date.now()
        stored.results = results
      })
      context.log.info({ workshop: workshop.id, vote: vote.id }, 'vote closed')
      const response: VoteResults = { results }
      sendJson(res, 200, response)
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/votes/${ID}$`),
    async handle({ req, res, params, context }) {
      const { workshop, role } = await workshopFor(req, context, params[0]!, ...EVERY_ROLE)
      const vote = await voteOf(req, context, workshop.id, params[1]!)
      if (vote.results) return sendJson(res, 200, { results: vote.results })
      if (vote.hidden && role !== 'facilitator') throw dayError(req, 403, 'results_hidden')
      const response: VoteResults = { results: await tally(context, vote) }
      sendJson(res, 200, response)
    },
  },
]
