import type { ApiError, BoardInfo } from '../../shared/contracts'
import { ApiRequestError } from './api'

/** A board's API path with its credentials (the same query parameters as its sync). */
export function boardPath(board: BoardInfo, suffix: string): string {
  const query = new URLSearchParams(board.sync.params).toString()
  return `/api/boards/${encodeURIComponent(board.id)}${suffix}${query ? `?${query}` : ''}`
}

/** The error body of a failed API call, kept whole so callers can read extra fields. */
export class ApiBodyError extends ApiRequestError {
  constructor(
    status: number,
    readonly body: (ApiError & Record<string, unknown>) | null,
  ) {
    super(status, body?.message ?? `HTTP ${status}`, body?.error)
  }
}

export async function sendRequest<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, init)
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiBodyError['body']
    throw new ApiBodyError(response.status, body)
  }
  return (await response.json()) as T
}
