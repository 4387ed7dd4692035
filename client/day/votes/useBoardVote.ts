import { createContext, useCallback, useContext, useMemo, useState } from 'react'
import type { PolarityBudgets, VoteView } from '../../../shared/workshopContracts'
import { useLiveScope } from '../LiveContext'

/** The vote a board takes part in, as this page may see and act on it. */
export interface BoardVote {
  vote: VoteView
  open: boolean
  /** itemId → votes, once the result may be seen (closed, or shown live). */
  tally: ReadonlyMap<string, number> | undefined
  /** This participant's own votes (itemId → count); empty for other roles. */
  mine: Readonly<Record<string, number>>
  /** Votes this participant has left; undefined when this page cannot vote. */
  remaining: number | undefined
  /** With separate budgets: votes left per polarity (from the server). */
  remainingByPolarity: PolarityBudgets | undefined
  /** Casts or takes back one vote; undefined when this page cannot vote. */
  cast: ((itemId: string, delta: 1 | -1) => Promise<number | undefined>) | undefined
  error: string | undefined
}

/**
 * The open vote on this board, else the latest closed one (its badges stay). The budget is
 * the server's: `remaining` comes from its answers and the live channel, never counted here.
 */
export function useBoardVote(boardId: string): BoardVote | undefined {
  const scope = useLiveScope()
  const state = scope?.live.state
  const [error, setError] = useState<string>()
  const votes = state?.day.votes
  const vote = useMemo(() => {
    const onBoard = (votes ?? []).filter((candidate) => candidate.boardIds.includes(boardId))
    return onBoard.find((candidate) => candidate.closedAt === null) ?? onBoard.at(-1)
  }, [votes, boardId])
  const open = vote !== undefined && vote.closedAt === null
  const ballots = state?.me?.ballots
  const mine = ballots && ballots.voteId === vote?.id ? ballots.items : NO_BALLOTS
  const canVote = open && scope?.participantKey !== undefined && state?.me !== undefined
  const api = scope?.api
  const participantKey = scope?.participantKey
  const voteId = vote?.id
  const cast = useCallback(
    async (itemId: string, delta: 1 | -1) => {
      if (!api || !participantKey || !voteId) return undefined
      setError(undefined)
      try {
        return (await api.ballot(voteId, participantKey, { itemId, delta })).remaining
      } catch (e) {
        setError((e as Error).message)
        return undefined
      }
    },
    [api, participantKey, voteId],
  )
  const tally = useMemo(
    () => vote?.results && new Map(vote.results.map((result) => [result.itemId, result.votes])),
    [vote],
  )
  if (!vote) return undefined
  return {
    vote,
    open,
    tally: tally ?? undefined,
    mine,
    remaining: canVote
      ? ballots?.voteId === vote.id
        ? ballots.remaining
        : vote.votesPerPerson
      : undefined,
    remainingByPolarity: canVote
      ? ((ballots?.voteId === vote.id ? ballots.remainingByPolarity : vote.budgets) ?? undefined)
      : undefined,
    cast: canVote ? cast : undefined,
    error,
  }
}

const NO_BALLOTS: Record<string, number> = {}

/** The board's vote for what is inside the board (the outline's vote buttons). */
export const BoardVoteContext = createContext<BoardVote | undefined>(undefined)

export function useBoardVoteContext(): BoardVote | undefined {
  return useContext(BoardVoteContext)
}
