import { z } from 'zod'
import { formMixedGroups, seatNewcomers } from '../../../shared/workshop/formMixedGroups'
import type {
  GroupAssignments,
  JoinedWorkshop,
  ParticipantSelf,
} from '../../../shared/workshopContracts'
import { generateSecret, hashSecret } from '../../auth/tokens'
import { newId } from '../../boards/BoardService'
import type { ParticipantRecord } from '../../storage/Storage'
import { denied } from '../authorize'
import { HttpError, readJson, sendJson } from '../respond'
import type { Route, RouteRequest } from '../Route'
import { invalidBody, JSON_LIMIT, workshopFor } from './workshopsCommon'

const joinBody = z.object({
  name: z.string().trim().min(1).max(80),
  municipality: z.string().trim().max(120).optional(),
})
const chooseBody = z.object({ boardId: z.string().max(64) })
const assignmentsBody = z.object({ assignments: z.record(z.string(), z.string()) })
const proposeBody = z.object({ reshuffle: z.boolean().optional() })

const ID = '([^/]*)'

function self(participant: ParticipantRecord): ParticipantSelf {
  return {
    participantId: participant.id,
    name: participant.name,
    municipality: participant.municipality,
    boardId: participant.boardId,
  }
}

async function participantOf({ req, context }: RouteRequest, workshopId: string) {
  const decision = await context.access.identifyParticipant(req, workshopId)
  if (!decision.ok) throw denied(decision)
  return decision.participant
}

async function groupBoardIds({ context }: RouteRequest, workshopId: string): Promise<string[]> {
  return (await context.storage.workshopBoards(workshopId))
    .filter((board) => board.kind === 'group')
    .map((board) => board.id)
}

export const workshopParticipantRoutes: Route[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/join$`),
    async handle(request) {
      const { req, res, params, context } = request
      const { workshop } = await workshopFor(req, context, params[0]!, 'participant')
      await context.limits.join(req)
      const body = joinBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      const participantKey = generateSecret()
      const participant: ParticipantRecord = {
        id: newId(),
        workshopId: workshop.id,
        keyHash: hashSecret(participantKey),
        name: body.data.name,
        municipality: body.data.municipality || null,
        boardId: null,
        createdAt: Date.now(),
      }
      await context.storage.addParticipant(participant)
      context.day.touch(workshop.id)
      const joined: JoinedWorkshop = {
        participantId: participant.id,
        participantKey,
        boardId: null,
      }
      sendJson(res, 201, joined)
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/me$`),
    async handle(request) {
      const { req, res, params, context } = request
      const { workshop } = await workshopFor(req, context, params[0]!, 'participant')
      sendJson(res, 200, self(await participantOf(request, workshop.id)))
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/choose-group$`),
    async handle(request) {
      const { req, res, params, context } = request
      const { workshop } = await workshopFor(req, context, params[0]!, 'participant')
      const participant = await participantOf(request, workshop.id)
      if (!workshop.allowGroupChoice) {
        throw new HttpError(403, 'forbidden', 'the facilitator assigns the groups')
      }
      const body = chooseBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      if (!(await groupBoardIds(request, workshop.id)).includes(body.data.boardId)) {
        throw new HttpError(400, 'unknown_board', 'no such group board in this workshop')
      }
      await context.storage.assignParticipants(workshop.id, { [participant.id]: body.data.boardId })
      context.day.touch(workshop.id)
      sendJson(res, 200, self({ ...participant, boardId: body.data.boardId }))
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/groups/propose$`),
    async handle(request) {
      const { req, res, params, context } = request
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = proposeBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      const boards = await groupBoardIds(request, workshop.id)
      if (boards.length === 0) throw new HttpError(409, 'no_groups', 'the workshop has no groups')
      const participants = await context.storage.participants(workshop.id)
      const people = participants.map((participant) => ({
        id: participant.id,
        municipality: participant.municipality ?? undefined,
      }))
      const current = boards.map((boardId) =>
        participants.filter((p) => p.boardId === boardId).map((p) => p.id),
      )
      const groups = body.data.reshuffle
        ? formMixedGroups(people, boards.length)
        : seatNewcomers(current, people)
      const assignments: Record<string, string> = {}
      groups.forEach((members, i) => {
        for (const id of members) assignments[id] = boards[i]!
      })
      const proposal: GroupAssignments = { assignments }
      sendJson(res, 200, proposal)
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/groups/confirm$`),
    async handle(request) {
      const { req, res, params, context } = request
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = assignmentsBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      const boards = new Set(await groupBoardIds(request, workshop.id))
      const participants = new Set(
        (await context.storage.participants(workshop.id)).map((p) => p.id),
      )
      for (const [participantId, boardId] of Object.entries(body.data.assignments)) {
        if (!participants.has(participantId) || !boards.has(boardId)) {
          throw new HttpError(400, 'unknown_assignment', `cannot assign ${participantId}`)
        }
      }
      await context.storage.assignParticipants(workshop.id, body.data.assignments)
      context.day.touch(workshop.id)
      sendJson(res, 200, { assignments: body.data.assignments })
    },
  },
]
