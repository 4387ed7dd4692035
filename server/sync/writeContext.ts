import type { Storage } from '../storage/Storage'
import type { Connection } from './Connection'
import type { WriteContext } from './writePolicy'
import { inPrivateWriting } from './privateDrafts'

/**
 * What the write policy needs to know about a connection's update, read fresh from storage
 * each time: a participant moved to another group, or a board opened to all, counts at once.
 */
export function writeContextFor(
  storage: Storage,
  connection: Pick<Connection, 'boardId' | 'role' | 'participantId'>,
): WriteContext {
  const place = storage.boardPlace(connection.boardId)
  const participant =
    place && connection.participantId
      ? storage.getParticipant(place.workshopId, connection.participantId)
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
    // Only participants are held back by silent writing: no need to read the day for others.
    privateWriting:
      connection.role === 'participant' &&
      place !== undefined &&
      inPrivateWriting(storage, place.workshopId),
  }
}
