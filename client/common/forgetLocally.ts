import { forgetDrafts } from '../day/silent/draftStore'
import { forgetRecentBoard } from '../lobby/recentBoards'

/** The service worker's cache (client/public/sw.js), which keeps board details with their token. */
const SHELL_CACHE = 'samskapa-v1'

/**
 * Removes what this browser keeps of an erased board: its copy of the doc (IndexedDB, with
 * every note and name on it), its private drafts of silent writing, its count of unsaved changes, its link with the token (recent
 * boards) and the board details the service worker cached. Names must not outlive an erase,
 * in the server or in a browser that once had the board open.
 */
export async function forgetBoardLocally(boardId: string): Promise<void> {
  localStorage.removeItem(`samskapa.unsaved.${boardId}`)
  localStorage.removeItem(epochKey(boardId))
  forgetRecentBoard(boardId)
  await Promise.all([
    deleteDatabase(`samskapa:${boardId}`),
    forgetDrafts(boardId),
    forgetCached((path) => path === `/api/boards/${boardId}` || path.startsWith(`/b/${boardId}`)),
  ])
}

/** The same for every board of an erased workshop, and the workshop's own cached answers. */
export async function forgetWorkshopLocally(workshopId: string, boardIds: readonly string[]) {
  localStorage.removeItem(`samskapa.participantKey.${workshopId}`)
  forgetRecentBoard(`workshop:${workshopId}`)
  await Promise.all([
    ...boardIds.map(forgetBoardLocally),
    forgetCached((path) => path.startsWith(`/api/workshops/${workshopId}`)),
  ])
}

/** Where a browser keeps the epoch of its copy of a board (shared/board/boardEpoch). */
export function epochKey(boardId: string): string {
  return `samskapa.epoch.${boardId}`
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name)
    // Blocked: another tab still has it open; it goes once that tab closes or reloads.
    request.onsuccess = request.onerror = request.onblocked = () => resolve()
  })
}

async function forgetCached(matches: (path: string) => boolean) {
  if (!('caches' in window) || !(await caches.has(SHELL_CACHE))) return
  const cache = await caches.open(SHELL_CACHE)
  for (const request of await cache.keys()) {
    if (matches(new URL(request.url).pathname)) await cache.delete(request)
  }
}
