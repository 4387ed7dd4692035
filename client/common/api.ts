import type { ApiError, BoardInfo, ClientConfig } from '../../shared/contracts'

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init)
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiError | null
    throw new ApiRequestError(response.status, body?.message ?? response.statusText)
  }
  return (await response.json()) as T
}

export const api = {
  config: () => request<ClientConfig>('/api/config'),
  templates: () => request<{ id: string; title: string }[]>('/api/templates'),
  /** The board as the page's `token` (if any) may see it; its sync params carry the token. */
  board: (id: string, token: string | null) =>
    request<BoardInfo>(
      `/api/boards/${encodeURIComponent(id)}${token ? `?token=${encodeURIComponent(token)}` : ''}`,
    ),
  createBoard: (input: { title: string; template: string; language: string }) =>
    request<BoardInfo>('/api/boards', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    }),
}
