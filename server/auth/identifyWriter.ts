import type { IncomingMessage } from 'node:http'
import type { Storage } from '../storage/Storage'
import type { AccessControl, AccessDecision, AccessDenied } from './AccessControl'

export type WriterDecision =
  | (Extract<AccessDecision, { ok: true }> & {
      /** The participant of the board's workshop named by the `participant` key, if given. */
      participantId: string | undefined
    })
  | AccessDenied

/**
 * A board request's role and, for a participant link on a workshop board that also carries
 * the participant's key (`participant` query parameter), which participant it is: the write
 * policy lets participants write only on their own group's board. A wrong key is refused
 * (and counted like a wrong token); no key leaves the participant unnamed, so read-only.
 */
export async function identifyWriter(
  access: AccessControl,
  storage: Storage,
  request: IncomingMessage,
  boardId: string,
): Promise<WriterDecision> {
  const decision = await access.authorizeBoard(request, boardId)
  if (!decision.ok) return decision
  const workshopId =
    decision.role === 'participant' ? await storage.workshopOfBoard(boardId) : undefined
  const named = new URL(request.url ?? '/', 'http://localhost').searchParams.has('participant')
  if (!workshopId || !named) return { ...decision, participantId: undefined }
  const participant = await access.identifyParticipant(request, workshopId)
  if (!participant.ok) return participant
  return { ...decision, participantId: participant.participant.id }
}
