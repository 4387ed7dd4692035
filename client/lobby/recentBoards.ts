const STORAGE_KEY = 'samskapa.recentBoards'
const MAX = 12

export interface RecentBoard {
  /** A board's id, or `workshop:<id>` for a workshop's facilitator page. */
  id: string
  title: string
  /** A workshop's facilitator page rather than one board; absent on older entries. */
  kind?: 'board' | 'workshop'
  /** The link it was opened with, token included. */
  url?: string
  openedAt: number
}

/**
 * Boards and workshops this browser has opened; the server never lists them to strangers,
 * so this list is how a facilitator finds their way back to a workshop link.
 */
export function recentBoards(stored = storedList()): RecentBoard[] {
  try {
    const parsed = JSON.parse(stored ?? '[]') as unknown
    return Array.isArray(parsed) ? (parsed as RecentBoard[]) : []
  } catch {
    return []
  }
}

export function rememberBoard(board: { id: string; title: string; url: string }) {
  remember({ ...board, kind: 'board' })
}

/** A workshop's facilitator page, remembered when it is created and whenever it opens. */
export function rememberWorkshop(workshop: { id: string; title: string; url: string }) {
  remember({ ...workshop, id: `workshop:${workshop.id}`, kind: 'workshop' })
}

const CHANGED = 'samskapa:recent-boards'

/** The list as stored: a string, so React can tell whether it changed. */
export function storedList(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

/** Calls `listener` when this tab or another changes the list. */
export function subscribeRecentBoards(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener)
  window.addEventListener('storage', listener)
  return () => {
    window.removeEventListener(CHANGED, listener)
    window.removeEventListener('storage', listener)
  }
}

function remember(entry: Omit<RecentBoard, 'openedAt'>) {
  const others = recentBoards().filter((other) => other.id !== entry.id)
  const next = [{ ...entry, openedAt: Date.now() }, ...others].slice(0, MAX)
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
    window.dispatchEvent(new Event(CHANGED))
  } catch {
    // Private browsing or a full storage: the list is a convenience, the page still works.
  }
}
