import { useTranslation } from 'react-i18next'
import type { VoteResult } from '../../../shared/workshopContracts'
import './strings'

/** A vote's result, most votes first; the board's name when the vote spans several. */
export function VoteResultList(props: {
  results: VoteResult[]
  boardNames?: Record<string, string>
  limit?: number
}) {
  const { t } = useTranslation()
  const { results, boardNames, limit } = props
  if (results.length === 0) return <p className="muted">{t('vote.noVotes')}</p>
  return (
    <ol className="vote-results" data-testid="vote-results">
      {results.slice(0, limit).map((result) => (
        <li key={result.itemId}>
          <span className="vote-count">{t('vote.votes', { count: result.votes })}</span>{' '}
          <span className="vote-text">{result.text || t('vote.unnamed')}</span>
          {boardNames?.[result.boardId] && (
            <span className="muted"> · {boardNames[result.boardId]}</span>
          )}
        </li>
      ))}
    </ol>
  )
}
