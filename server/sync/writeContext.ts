import { parseDayRecord } from '../day/DayRecord'
import { inputHoldOn } from '../day/inputHold'
import type { Storage } from '../storage/Storage'
import type { Connection } from './Connection'
import type { WriteContext } from './writePolicy'

/**
 * What the write policy needs to know about a connection's update, read fresh from storage
 * each time: a participant moved to another group, a board opened to all, or the
 * facilitator pausing input, counts at once.
 */
export async function writeContextFor(
  storage: Storage,
  connection: Pick<Connection, 'boardId' | 'role' | 'participantId'>,
  now = Date.now(),
): Promise<WriteContext> {
  const place = await storage.boardPlace(connection.boardId)
  const participant =
    place && connection.participantId
      ? await storage.getParticipant(place.workshopId, connection.participantId)
      : undefined
  // Only participants are held back by the day: no need to read it for others.
  const day =
    connection.role === 'participant' && place
      ? await storage.readWorkshopDay(place.workshopId)
      : undefined
  return {
    role: connection.role,
    board: {
      boardId: connection.boardId,
      workshopId: place?.workshopId,
      kind: place?.kind,
      openToAll: place?.openToAll ?? false,
    },
    participantBoardId: participant ? participant.boardId : undefined,
    inputHold: day ? inputHoldOn(parseDayRecord(day), connection.boardId, now) : undefined,
  }
}
