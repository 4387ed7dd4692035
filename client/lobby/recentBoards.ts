/**
 * One key per entry, not one list: tabs of one browser see each other's localStorage writes
 * late, so a tab rewriting a shared list could bring back a board another tab just forgot.
 */
const KEY_PREFIX = 'samskapa.recentBoard.'
/** Where earlier versions kept the whole list; moved to one key per entry on first read. */
const OLD_LIST_KEY = 'samskapa.recentBoards'
const MAX = 12
const CHANGED = 'samskapa:recent-boards'

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
 * Boards and workshops this browser has opened, newest first; the server never lists them to
 * strangers, so this list is how a facilitator finds their way back to a workshop link.
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

/** Forgets a board, or a workshop page as `workshop:<id>`. */
export function forgetRecentBoard(id: string) {
  try {
    localStorage.removeItem(KEY_PREFIX + id)
    window.dispatchEvent(new Event(CHANGED))
  } catch {
    // No storage: nothing was kept.
  }
}

/** The entries as one string, newest first, so React can tell whether they changed. */
export function storedList(): string | null {
  try {
    moveOldList()
    const entries: RecentBoard[] = []
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (!key?.startsWith(KEY_PREFIX)) continue
      const entry = parseEntry(localStorage.getItem(key))
      if (entry) entries.push(entry)
    }
    return JSON.stringify(entries.sort((a, b) => b.openedAt - a.openedAt))
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
  try {
    localStorage.setItem(KEY_PREFIX + entry.id, JSON.stringify({ ...entry, openedAt: Date.now() }))
    for (const old of recentBoards().slice(MAX)) localStorage.removeItem(KEY_PREFIX + old.id)
    window.dispatchEvent(new Event(CHANGED))
  } catch {
    // Private browsing or a full storage: the list is a convenience, the page still works.
  }
}

function parseEntry(text: string | null): RecentBoard | undefined {
  try {
    const entry = JSON.parse(text ?? '') as RecentBoard
    return typeof entry?.id === 'string' && typeof entry.title === 'string' ? entry : undefined
  } catch {
    return undefined
  }
}

function moveOldList() {
  const old = localStorage.getItem(OLD_LIST_KEY)
  if (old === null) return
  localStorage.removeItem(OLD_LIST_KEY)
  const parsed = recentBoards(old)
  for (const entry of parsed) {
    if (parseEntry(JSON.stringify(entry))) {
      localStorage.setItem(KEY_PREFIX + entry.id, JSON.stringify(entry))
    }
  }
}
