import type { Language } from '../../shared/templates'
import { issueRecorderToken } from '../auth/tokens'
import type { Storage } from '../storage/Storage'
import { buildRecorderBoard } from './WorkshopService'

/**
 * Gives a workshop made before the recorder role its recorder board and recorder token. Only
 * a facilitator's request can do it, since the new token is sealed under the facilitator's.
 * Returns whether anything was added.
 */
export async function ensureRecorder(
  storage: Storage,
  workshopId: string,
  facilitatorToken: string,
  language: Language,
): Promise<boolean> {
  const hasToken = (await storage.tokensOf(workshopId)).some((record) => record.role === 'recorder')
  const hasBoard = (await storage.workshopBoards(workshopId)).some(
    (board) => board.kind === 'recorder',
  )
  if (hasToken && hasBoard) return false
  const tokens = hasToken ? [] : [issueRecorderToken(workshopId, facilitatorToken).record]
  const boards = hasBoard ? [] : [await buildRecorderBoard(storage, language)]
  await storage.extendWorkshop(workshopId, boards, tokens)
  return true
}
