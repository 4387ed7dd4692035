import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopDay } from '../../../shared/workshopContracts'
import type { WorkshopApi } from '../../workshop/workshopApi'
import './strings'

/**
 * The facilitator's queue of raised hands, oldest first, live from the channel: who, from
 * which group and since when, each with a button to lower it. The count is announced
 * politely, so a screen reader hears a new hand without the list being read again.
 */
export function HandQueue(props: {
  day: WorkshopDay
  api: WorkshopApi
  boards: { id: string; name: string }[]
}) {
  const { t, i18n } = useTranslation()
  const { day, api, boards } = props
  const [error, setError] = useState<string>()
  const lower = async (participantId: string) => {
    setError(undefined)
    try {
      await api.lowerHand(participantId)
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const time = (at: number) =>
    new Date(at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })
  return (
    <div className="hand-queue" data-testid="hand-queue">
      <p role="status" aria-live="polite">
        {day.hands.length > 0 ? t('hands.count', { count: day.hands.length }) : t('hands.none')}
      </p>
      {day.hands.length > 0 && (
        <ol className="hand-list">
          {day.hands.map((hand) => (
            <li key={hand.participantId}>
              <div className="hand-row">
                <span className="hand-who">
                  <strong>{hand.name}</strong>
                  <span className="muted">
                    {' '}
                    ·{' '}
                    {boards.find((board) => board.id === hand.boardId)?.name ??
                      t('hands.noGroup')}{' '}
                    · {t('hands.since', { time: time(hand.at) })}
                  </span>
                </span>
                <button
                  type="button"
                  className="small"
                  aria-label={t('hands.lowerFor', { name: hand.name })}
                  onClick={() => void lower(hand.participantId)}
                >
                  {t('hands.lower')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}
