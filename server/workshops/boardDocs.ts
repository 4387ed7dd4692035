import * as Y from 'yjs'
import { readRecords, type RecordJson } from '../../shared/board/boardDoc'
import type { ServerContext } from '../http/Route'

/** A board's records: from its live room when loaded, else straight from storage. */
export function readBoardRecords(context: ServerContext, boardId: string): RecordJson[] {
  const room = context.rooms.get(boardId)
  if (room) return readRecords(room.doc)
  const stored = context.storage.loadDoc(boardId)
  const doc = new Y.Doc()
  Y.transact(doc, () => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  const records = readRecords(doc)
  doc.destroy()
  return records
}

/**
 * Reads or changes a board's live doc on the server: the room stores a change and relays it
 * to every client by itself. A room opened only for this unloads after its grace period.
 */
export function withBoardDoc<T>(
  context: ServerContext,
  boardId: string,
  write: (doc: Y.Doc) => T,
): T {
  const room = context.rooms.open(boardId)
  try {
    return write(room.doc)
  } finally {
    context.rooms.scheduleUnload(boardId)
  }
}
