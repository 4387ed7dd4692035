const STORAGE_KEY = 'samskapa.recentBoards'
const MAX = 12

export interface RecentBoard {
  id: string
  title: string
  /** The link it was opened with, token included. */
  url?: string
  openedAt: number
}

/** Boards this browser has opened; the server never lists boards to strangers. */
export function recentBoards(): RecentBoard[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown
    return Array.isArray(parsed) ? (parsed as RecentBoard[]) : []
  } catch {
    return []
  }
}

export function rememberBoard(board: { id: string; title: string; url: string }) {
  const others = recentBoards().filter((entry) => entry.id !== board.id)
  const next = [{ ...board, openedAt: Date.now() }, ...others].slice(0, MAX)
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
}
