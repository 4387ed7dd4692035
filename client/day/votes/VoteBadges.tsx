import { useTranslation } from 'react-i18next'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { useBoardVoteContext } from './useBoardVote'
import './strings'
import './votes.css'

interface Badge {
  id: string
  x: number
  y: number
  label: string
}

/**
 * Vote counts pinned to the notes or clusters on the canvas: the tally once it may be seen,
 * else a participant's own votes. Decorative for screen readers: the outline says the same.
 */
export function VoteBadges() {
  const editor = useEditor()
  const { t } = useTranslation()
  const boardVote = useBoardVoteContext()
  const counts: [string, string][] = []
  if (boardVote?.tally) {
    for (const [id, votes] of boardVote.tally) counts.push([id, String(votes)])
  } else if (boardVote) {
    for (const [id, votes] of Object.entries(boardVote.mine)) {
      if (votes > 0) counts.push([id, t('vote.mineShort', { count: votes })])
    }
  }
  const key = JSON.stringify(counts)
  const badges = useValue(
    'vote badges',
    () => {
      const placed: Badge[] = []
      for (const [id, label] of JSON.parse(key) as [string, string][]) {
        const bounds = editor.getShapePageBounds(id as TLShapeId)
        if (!bounds) continue
        const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
        placed.push({ id, x: corner.x, y: corner.y, label })
      }
      return placed
    },
    [editor, key],
  )
  if (badges.length === 0) return null
  return (
    <div className="vote-badges" aria-hidden="true">
      {badges.map((badge) => (
        <span
          key={badge.id}
          className="vote-badge"
          data-testid="vote-badge"
          data-item-id={badge.id}
          style={{ left: badge.x, top: badge.y }}
        >
          <span className="vote-badge-dot">●</span> {badge.label}
        </span>
      ))}
    </div>
  )
}
