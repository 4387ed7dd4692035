import type { RecordJson } from '../../shared/board/boardDoc'
import { rankResults, voteItemText } from '../../shared/day/votes'
import type { VoteResult } from '../../shared/workshopContracts'
import type { BallotRecord } from '../storage/Storage'
import type { ServerContext } from '../http/Route'

/** The text of a vote item; reading it may need a board's stored records. */
export type ItemText = (boardId: string, itemId: string) => Promise<string>

/**
 * Texts of vote items, read from the boards' docs (a loaded board's live doc, else its stored
 * records), each board read at most once per function made here.
 */
export function itemTexts(context: ServerContext): ItemText {
  const stored = new Map<string, Map<string, RecordJson>>()
  return async (boardId: string, itemId: string): Promise<string> => {
    let records = stored.get(boardId)
    if (!records) {
      records = new Map((await context.reads.records(boardId)).map((record) => [record.id, record]))
      stored.set(boardId, records)
    }
    return voteItemText(records.get(itemId))
  }
}

/** `rankResults` with the text of each item that has ballots read first. */
export async function rankWithTexts(
  ballots: BallotRecord[],
  textOf: ItemText,
): Promise<VoteResult[]> {
  const texts = new Map<string, string>()
  for (const { boardId, itemId } of ballots) {
    const key = `${boardId}/${itemId}`
    if (!texts.has(key)) texts.set(key, await textOf(boardId, itemId))
  }
  return rankResults(ballots, (boardId, itemId) => texts.get(`${boardId}/${itemId}`) ?? '')
}
