import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoardVoteContext } from './useBoardVote'
import './strings'
import './votes.css'

/**
 * A note's or cluster's votes in the outline: the count (once visible), and for a voting
 * participant the keyboard way to vote: "+" and "−" buttons named after the item.
 */
export function ItemVote(props: { itemId: string; text: string; kind: 'notes' | 'clusters' }) {
  const { t } = useTranslation()
  const boardVote = useBoardVoteContext()
  const [announcement, setAnnouncement] = useState('')
  if (!boardVote || boardVote.vote.target !== props.kind) return null
  const { itemId } = props
  const text = props.text || t('vote.unnamed')
  const total = boardVote.tally?.get(itemId)
  const mine = boardVote.mine[itemId] ?? 0
  const cast = boardVote.open ? boardVote.cast : undefined
  const vote = async (delta: 1 | -1) => {
    const remaining = await cast?.(itemId, delta)
    if (remaining === undefined) return
    setAnnouncement(t(delta === 1 ? 'vote.cast' : 'vote.takenBack', { text, remaining }))
  }
  if (total === undefined && !cast) return null
  return (
    <span className="item-vote" data-testid="item-vote">
      {total !== undefined && (
        <span className="vote-badge-inline">{t('vote.votes', { count: total })}</span>
      )}
      {cast && (
        <>
          <button
            type="button"
            className="small"
            aria-label={t('vote.remove', { text })}
            disabled={mine === 0}
            onClick={() => void vote(-1)}
          >
            −
          </button>
          <span className="vote-mine">{t('vote.mine', { count: mine })}</span>
          <button
            type="button"
            className="small"
            aria-label={t('vote.add', { text })}
            disabled={boardVote.remaining === 0}
            onClick={() => void vote(1)}
          >
            +
          </button>
        </>
      )}
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </span>
  )
}
