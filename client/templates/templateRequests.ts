import type {
  BoardInfo,
  PatchTemplateBody,
  SavedTemplateInfo,
  TemplateInfo,
} from '../../shared/contracts'
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

/** Built-in templates, then the saved ones this board may use (shared, or its workshop's). */
export function boardTemplates(board: BoardInfo, language: string) {
  return sendRequest<(TemplateInfo | SavedTemplateInfo)[]>(boardPath(board, '/templates'), {
    headers: { 'Accept-Language': language },
  })
}

export function changeTemplate(board: BoardInfo, id: string, patch: PatchTemplateBody) {
  return sendRequest<SavedTemplateInfo>(boardPath(board, `/templates/${encodeURIComponent(id)}`), {
    method: 'PATCH',
    headers: json,
    body: JSON.stringify(patch),
  })
}

export async function deleteTemplate(board: BoardInfo, id: string) {
  const response = await fetch(boardPath(board, `/templates/${encodeURIComponent(id)}`), {
    method: 'DELETE',
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
}
