import type { RecentBoard } from '../lobby/recentBoards'

/** A board a capture may go to: its id and the token of the link that names it. */
export interface BoardLinkTarget {
  id: string
  token: string | undefined
}

/**
 * The board a pasted link names, if it is a board page of this server (`/b/<id>?token=…`).
 * Another host is never asked: a capture goes only to our own origin.
 */
export function parseBoardLink(link: string, origin: string): BoardLinkTarget | undefined {
  let url: URL
  try {
    url = new URL(link.trim(), origin)
  } catch {
    return undefined
  }
  if (url.origin !== origin) return undefined
  const match = /^\/b\/([^/]+)\/?$/.exec(url.pathname)
  if (!match) return undefined
  return { id: decodeURIComponent(match[1]!), token: url.searchParams.get('token') ?? undefined }
}

/** Recent boards (not workshop pages) with the link they were opened with, except `exceptId`. */
export function recentTargets(recent: readonly RecentBoard[], exceptId: string): RecentBoard[] {
  return recent.filter((entry) => entry.kind !== 'workshop' && entry.url && entry.id !== exceptId)
}
