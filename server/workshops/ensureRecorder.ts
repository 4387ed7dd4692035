import type { Language } from '../../shared/templates'
import { issueRecorderToken } from '../auth/tokens'
import type { Storage } from '../storage/Storage'
import { buildRecorderBoard } from './WorkshopService'

/**
 * Gives a workshop made before the recorder role its recorder board and recorder token. Only
 * a facilitator's request can do it, since the new token is sealed under the facilitator's.
 * Returns whether anything was added.
 */
export function ensureRecorder(
  storage: Storage,
  workshopId: string,
  facilitatorToken: string,
  language: Language,
): boolean {
  const hasToken = storage.tokensOf(workshopId).some((record) => record.role === 'recorder')
  const hasBoard = storage.workshopBoards(workshopId).some((board) => board.kind === 'recorder')
  if (hasToken && hasBoard) return false
  const tokens = hasToken ? [] : [issueRecorderToken(workshopId, facilitatorToken).record]
  const boards = hasBoard ? [] : [buildRecorderBoard(storage, language)]
  storage.extendWorkshop(workshopId, boards, tokens)
  return true
}
