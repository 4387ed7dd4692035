import type { BoardRecords } from '../../shared/captureContracts'
import type { BoardInfo } from '../../shared/contracts'
import { sendRequest } from '../common/boardRequest'

/** A board's records, read with the recorder board's token (it reads every board of its workshop). */
export function boardRecords(recorderBoard: BoardInfo, boardId: string) {
  const query = new URLSearchParams(recorderBoard.sync.params).toString()
  return sendRequest<BoardRecords>(
    `/api/boards/${encodeURIComponent(boardId)}/records${query ? `?${query}` : ''}`,
    { method: 'GET' },
  )
}
