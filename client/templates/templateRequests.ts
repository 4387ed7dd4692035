import type { BoardInfo } from '../../shared/contracts'
import { boardPath, sendRequest } from '../common/boardRequest'

const json = { 'Content-Type': 'application/json' }

export function applyTemplate(board: BoardInfo, template: string, language: string) {
  return sendRequest<{ added: number }>(boardPath(board, '/apply-template'), {
    method: 'POST',
    headers: { ...json, 'Accept-Language': language },
    body: JSON.stringify({ template }),
  })
}

export function saveTemplate(board: BoardInfo, title: string) {
  const query = new URLSearchParams(board.sync.params).toString()
  return sendRequest<{ id: string; title: string }>(`/api/templates${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ boardId: board.id, title }),
  })
}
