import path from 'node:path'
import Database from 'better-sqlite3'
import type * as Y from 'yjs'
import { docFromStored } from '../../server/storage/storedDoc'

/**
 * A board's doc exactly as storage holds it: the snapshot plus the updates after it, read
 * from the SQLite file with a read-only connection (the server may be dead or stopped).
 */
export function loadStoredDoc(dataDir: string, boardId: string): Y.Doc {
  const db = new Database(path.join(dataDir, 'samskapa.db'), { readonly: true })
  try {
    const snapshot = db
      .prepare('SELECT data, upto_seq AS uptoSeq FROM snapshots WHERE board_id = ?')
      .get(boardId) as { data: Uint8Array; uptoSeq: number } | undefined
    const updates = db
      .prepare('SELECT data FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq')
      .all(boardId, snapshot?.uptoSeq ?? 0) as { data: Uint8Array }[]
    return docFromStored({ snapshot: snapshot?.data, updates: updates.map(({ data }) => data) })
  } finally {
    db.close()
  }
}
