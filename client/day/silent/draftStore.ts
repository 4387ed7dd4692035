import { openDB, type IDBPDatabase } from 'idb'
import type { RecordJson } from '../../../shared/board/boardDoc'

const DATABASE = 'samskapa-drafts'
const DRAFTS = 'drafts'

let database: Promise<IDBPDatabase> | undefined

/** This browser's private drafts, one entry per board: they survive a reload, never leave it. */
function open(): Promise<IDBPDatabase> {
  database ??= openDB(DATABASE, 1, {
    upgrade(db) {
      db.createObjectStore(DRAFTS)
    },
  })
  return database
}

export async function loadDrafts(boardId: string): Promise<RecordJson[]> {
  const stored = (await (await open()).get(DRAFTS, boardId)) as RecordJson[] | undefined
  return stored ?? []
}

export async function saveDrafts(boardId: string, drafts: RecordJson[]): Promise<void> {
  const db = await open()
  if (drafts.length === 0) await db.delete(DRAFTS, boardId)
  else await db.put(DRAFTS, drafts, boardId)
}

/** Drops a board's drafts (the board was erased); never fails the erase. */
export async function forgetDrafts(boardId: string): Promise<void> {
  try {
    await (await open()).delete(DRAFTS, boardId)
  } catch {
    // No IndexedDB (private mode): nothing was kept.
  }
}
