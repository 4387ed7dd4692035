import { useTranslation } from 'react-i18next'
import type { BoardAttentionState } from './useBoardAttention'
import './strings'

/**
 * What the facilitator asks of a participant's page, in words: the offer to follow (with
 * Följ / Inte nu), following (with Sluta följa), or being under control.
 */
export function AttentionNotice({ attention }: { attention: BoardAttentionState }) {
  const { t } = useTranslation()
  if (attention.controlled) {
    return (
      <p
        className="board-notice in-flow-notice attention-notice"
        role="status"
        data-testid="controlled"
      >
        {t('attention.controlled')}
      </p>
    )
  }
  if (attention.followOffered) {
    return (
      <div
        className="board-notice in-flow-notice attention-notice"
        role="group"
        aria-label={t('attention.follow')}
      >
        <p role="status">{t('attention.followOffered')}</p>
        <button
          type="button"
          className="small primary"
          onClick={() => attention.setFollowing(true)}
        >
          {t('attention.followAccept')}
        </button>
        <button type="button" className="small" onClick={() => attention.setFollowing(false)}>
          {t('attention.followDecline')}
        </button>
      </div>
    )
  }
  if (attention.following) {
    return (
      <div className="board-notice in-flow-notice attention-notice">
        <p role="status">{t('attention.following')}</p>
        <button type="button" className="small" onClick={() => attention.setFollowing(false)}>
          {t('attention.stopFollowing')}
        </button>
      </div>
    )
  }
  return null
}
