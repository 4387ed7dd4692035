/**
 * One key per board, not one list: tabs of one browser see each other's localStorage writes
 * late, so a tab rewriting a shared list could bring back a board another tab just forgot.
 */
const KEY_PREFIX = 'samskapa.recentBoard.'
/** Where earlier versions kept the whole list; moved to one key per board on first read. */
const OLD_LIST_KEY = 'samskapa.recentBoards'
const MAX = 12

export interface RecentBoard {
  id: string
  title: string
  /** The link it was opened with, token included. */
  url?: string
  openedAt: number
}

function moveOldList() {
  const old = localStorage.getItem(OLD_LIST_KEY)
  if (old === null) return
  localStorage.removeItem(OLD_LIST_KEY)
  try {
    const parsed = JSON.parse(old) as unknown
    if (!Array.isArray(parsed)) return
    for (const entry of parsed as RecentBoard[]) {
      if (typeof entry?.id === 'string')
        localStorage.setItem(KEY_PREFIX + entry.id, JSON.stringify(entry))
    }
  } catch {
    // An unreadable old list is only lost history.
  }
}

/** Boards this browser has opened, newest first; the server never lists boards to strangers. */
export function recentBoards(): RecentBoard[] {
  moveOldList()
  const boards: RecentBoard[] = []
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)
    if (!key?.startsWith(KEY_PREFIX)) continue
    try {
      const entry = JSON.parse(localStorage.getItem(key) ?? '') as RecentBoard
      if (typeof entry?.id === 'string' && typeof entry.title === 'string') boards.push(entry)
    } catch {
      localStorage.removeItem(key)
    }
  }
  return boards.sort((a, b) => b.openedAt - a.openedAt)
}

export function rememberBoard(board: { id: string; title: string; url: string }) {
  localStorage.setItem(KEY_PREFIX + board.id, JSON.stringify({ ...board, openedAt: Date.now() }))
  for (const old of recentBoards().slice(MAX)) forgetRecentBoard(old.id)
}

export function forgetRecentBoard(boardId: string) {
  localStorage.removeItem(KEY_PREFIX + boardId)
}
