import type { BoardRecords, PlaceCaptureBody, PlacedCapture } from '../../shared/captureContracts'
import type { BoardInfo } from '../../shared/contracts'
import { boardPath, sendRequest } from '../common/boardRequest'

/** A board's records, read with the recorder board's token (it reads every board of its workshop). */
export function boardRecords(recorderBoard: BoardInfo, boardId: string) {
  const query = new URLSearchParams(recorderBoard.sync.params).toString()
  return sendRequest<BoardRecords>(
    `/api/boards/${encodeURIComponent(boardId)}/records${query ? `?${query}` : ''}`,
    { method: 'GET' },
  )
}

/** Places a capture made here on another board; the server asks that board's write policy. */
export function placeCaptureOn(target: BoardInfo, body: PlaceCaptureBody) {
  return sendRequest<PlacedCapture>(boardPath(target, '/captures'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}
