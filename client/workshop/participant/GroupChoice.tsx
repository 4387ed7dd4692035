import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopInfo } from '../../../shared/workshopContracts'
import { problemMessage } from '../problemMessage'
import { usePolling } from '../usePolling'
import type { WorkshopApi } from '../workshopApi'
import { WorkshopHeader } from '../WorkshopHeader'

const POLL_MS = 4000

/** Before the facilitator forms groups: wait, or pick a group when that is allowed. */
export function GroupChoice(props: {
  info: WorkshopInfo
  api: WorkshopApi
  participantKey: string
}) {
  const { t } = useTranslation()
  const { api, participantKey } = props
  // The facilitator may allow choosing while this page waits.
  const latest = usePolling(
    useCallback(() => api.info(), [api]),
    POLL_MS,
  )
  const info = latest.data ?? props.info
  const [error, setError] = useState<string>()

  const choose = async (boardId: string) => {
    setError(undefined)
    try {
      // The live channel brings the new board.
      await api.chooseGroup(participantKey, boardId)
    } catch (e) {
      setError(problemMessage(t, e))
    }
  }

  const groups = info.boards.filter((board) => board.kind === 'group')
  return (
    <div className="page workshop-narrow">
      <WorkshopHeader info={info} subtitle={t('workshop.participantView')} />
      <main>
        {info.allowGroupChoice ? (
          <>
            <h2>{t('workshop.choose.heading')}</h2>
            <p>{t('workshop.choose.explain')}</p>
            <ul className="choice-list">
              {groups.map((group) => (
                <li key={group.id}>
                  <button type="button" onClick={() => void choose(group.id)}>
                    {group.name}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <div className="waiting card" role="status">
            <span className="waiting-icon" aria-hidden="true">
              ⌛
            </span>
            <h2>{t('workshop.waiting.heading')}</h2>
            <p>{t('workshop.waiting.body')}</p>
          </div>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </main>
    </div>
  )
}
