import { countOutcome } from '../../shared/factors'
import type { GroupOutcome } from '../../shared/workshop/synthesis'
import type { BoardOverview, WorkshopOverview } from '../../shared/workshopContracts'
import type { ServerContext } from '../http/Route'
import type { ParticipantRecord, WorkshopBoardRecord } from '../storage/Storage'

/** Display names of the people on a board now, from its room's presence (awareness) states. */
function onlineNames(context: ServerContext, boardId: string): string[] {
  const room = context.rooms.get(boardId)
  if (!room) return []
  const names = new Set<string>()
  for (const state of room.awareness.getStates().values()) {
    const presence = (state as { presence?: { userName?: unknown } }).presence
    if (typeof presence?.userName === 'string' && presence.userName.trim()) {
      names.add(presence.userName.trim())
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'sv'))
}

async function boardOverview(
  context: ServerContext,
  board: WorkshopBoardRecord,
): Promise<BoardOverview> {
  const counts = countOutcome(await context.reads.outcome(board.id))
  return {
    id: board.id,
    name: board.title,
    kind: board.kind,
    online: onlineNames(context, board.id),
    counts: {
      hindering: counts.hindering,
      enabling: counts.enabling,
      undecided: counts.undecided,
      unsorted: counts.unsorted.total,
      total: counts.total,
    },
    clusters: counts.clusters.map(({ id, name, total }) => ({ id, name, total })),
    lastActivity: await context.storage.lastActivity(board.id),
  }
}

export function participantSummary(participant: ParticipantRecord) {
  return {
    id: participant.id,
    name: participant.name,
    municipality: participant.municipality,
    boardId: participant.boardId,
  }
}

/** What the facilitator watches: every board's progress and who is where. */
export async function workshopOverview(
  context: ServerContext,
  workshopId: string,
): Promise<WorkshopOverview> {
  return {
    boards: await Promise.all(
      (await context.storage.workshopBoards(workshopId)).map((board) =>
        boardOverview(context, board),
      ),
    ),
    participants: (await context.storage.participants(workshopId)).map(participantSummary),
  }
}

/** Each group board's outcome, in the workshop's order. */
export async function groupOutcomes(
  context: ServerContext,
  workshopId: string,
): Promise<GroupOutcome[]> {
  const groups = (await context.storage.workshopBoards(workshopId)).filter(
    (board) => board.kind === 'group',
  )
  return Promise.all(
    groups.map(async (board) => ({
      id: board.id,
      name: board.title,
      outcome: await context.reads.outcome(board.id),
    })),
  )
}
