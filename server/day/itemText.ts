import type { RecordJson } from '../../shared/board/boardDoc'
import { voteItemText } from '../../shared/day/votes'
import type { ServerContext } from '../http/Route'

/**
 * Texts of vote items, read from the boards' docs (a loaded board's live doc, else its stored
 * records), each board read at most once per function made here.
 */
export function itemTexts(context: ServerContext) {
  const stored = new Map<string, Map<string, RecordJson>>()
  return (boardId: string, itemId: string): string => {
    let records = stored.get(boardId)
    if (!records) {
      records = new Map(context.reads.records(boardId).map((record) => [record.id, record]))
      stored.set(boardId, records)
    }
    return voteItemText(records.get(itemId))
  }
}
