/** A board page opened with the given role token. */
export function boardLink(boardId: string, token: string): string {
  return `/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`
}
