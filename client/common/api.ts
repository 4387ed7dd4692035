import type { ApiError, BoardInfo, ClientConfig } from '../../shared/contracts'
import type { BoardAccessInfo } from '../../shared/workshopContracts'

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's error code (`ApiError.error`), e.g. `unknown_workshop`; '' when none came. */
    readonly code = '',
  ) {
    super(message)
  }
}

/** Fetches JSON; a non-2xx answer becomes an `ApiRequestError` with the server's message. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init)
  if (response.status === 204) return undefined as T
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiError | null
    throw new ApiRequestError(response.status, body?.message ?? response.statusText, body?.error)
  }
  return (await response.json()) as T
}

export const api = {
  config: () => request<ClientConfig>('/api/config'),
  /** The templates, titled in `language` (the page's, which may differ from the browser's). */
  templates: (language: string) =>
    request<{ id: string; title: string }[]>('/api/templates', {
      headers: { 'Accept-Language': language },
    }),
  /**
   * The board as the page's `token` (if any) may see it; its sync params carry the token, and
   * the key of a workshop's participant, who may write only on their own group's board.
   */
  board: (id: string, token?: string | null, participantKey?: string) => {
    const query = new URLSearchParams()
    if (token) query.set('token', token)
    if (participantKey) query.set('participant', participantKey)
    const search = query.size > 0 ? `?${query.toString()}` : ''
    return request<BoardAccessInfo>(`/api/boards/${encodeURIComponent(id)}${search}`)
  },
  createBoard: (input: { title: string; template: string; language: string }) =>
    request<BoardInfo>('/api/boards', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    }),
}
