import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLiveScope } from '../LiveContext'
import type { BoardVote } from './useBoardVote'
import { VoteResultList } from './VoteResultList'
import './strings'
import './votes.css'

/**
 * The board's vote in the day bar: what is being voted on and the votes left (participant),
 * the close button (facilitator), and this board's result once the vote is closed.
 */
export function VoteBar(props: { vote: BoardVote; boardId: string; canRunDay: boolean }) {
  const { t } = useTranslation()
  const { vote: boardVote, boardId, canRunDay } = props
  const { vote, open, remaining, remainingByPolarity, error } = boardVote
  const api = useLiveScope()?.api
  const [closing, setClosing] = useState(false)
  const target = t(vote.target === 'notes' ? 'vote.targetNotes' : 'vote.targetClusters')
  if (!open) {
    const results = (vote.results ?? []).filter((result) => result.boardId === boardId)
    return (
      <details className="vote-bar vote-closed" data-testid="vote-bar">
        <summary>
          {t('vote.closed')} – {t('vote.results')}
        </summary>
        <div className="vote-popover">
          <VoteResultList results={results} />
        </div>
      </details>
    )
  }
  return (
    <div className="vote-bar" data-testid="vote-bar">
      <span>
        {t('vote.running', { votes: vote.votesPerPerson, target })}
        {vote.budgets && ` (${t('vote.budgetsRunning', { ...vote.budgets })})`}
      </span>
      {remaining !== undefined && (
        <>
          <strong role="status" className="vote-remaining" data-testid="vote-remaining">
            {t('vote.remaining', { count: remaining })}
            {remainingByPolarity &&
              ` (${t('vote.remainingHindering', { count: remainingByPolarity.hindering })}, ${t('vote.remainingEnabling', { count: remainingByPolarity.enabling })})`}
          </strong>
          <span className="muted vote-howto">
            {t(vote.target === 'notes' ? 'vote.howToCanvas' : 'vote.howToClusters')}
          </span>
        </>
      )}
      {vote.hidden && <span className="muted">{t('vote.hiddenUntilClose')}</span>}
      {canRunDay && api && (
        <button
          type="button"
          className="small"
          disabled={closing}
          onClick={() => {
            setClosing(true)
            void api.closeVote(vote.id).finally(() => setClosing(false))
          }}
        >
          {t('vote.close')}
        </button>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  )
}
