import type * as Y from 'yjs'
import { readRecord, writeRecords } from '../../shared/board/boardDoc'
import { putNote } from './syncClients'

/**
 * A day of moves in `doc`: `notes` notes, each moved `rounds` times (all of them in one
 * transaction a round, as a drag of a selection sends them). Every move leaves an overwritten
 * position behind, which is what makes a board worth rebuilding (server/sync/epochs).
 */
export function playDayOfMoves(doc: Y.Doc, notes = 40, rounds = 120) {
  for (let i = 0; i < notes; i++) putNote(doc, `shape:n${i}`, `Faktor ${i}`)
  for (let round = 1; round <= rounds; round++) {
    doc.transact(() => {
      for (let i = 0; i < notes; i++) {
        const note = readRecord(doc, `shape:n${i}`)!
        writeRecords(doc, [{ ...note, x: 120 * (i % 8) + round, y: 140 * Math.floor(i / 8) }])
      }
    })
  }
}
