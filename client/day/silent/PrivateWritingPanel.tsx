import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopDay } from '../../../shared/workshopContracts'
import type { WorkshopApi } from '../../workshop/workshopApi'
import './strings'

/** The facilitator's Skriv enskilt: start it for every board, and Visa allas lappar. */
export function PrivateWritingPanel(props: { day: WorkshopDay; api: WorkshopApi }) {
  const { t } = useTranslation()
  const { day, api } = props
  const [anonymous, setAnonymous] = useState(false)
  const [error, setError] = useState<string>()
  const run = async (body: Parameters<WorkshopApi['privateWriting']>[0]) => {
    setError(undefined)
    try {
      await api.privateWriting(body)
    } catch (e) {
      setError((e as Error).message)
    }
  }
  return (
    <div className="private-writing-panel">
      <p className="muted">{t('silent.explain')}</p>
      {day.privateWriting ? (
        <>
          <p role="status">
            <strong>{t('silent.on')}</strong>
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
            />
            {t('silent.anonymous')}
          </label>
          <button
            type="button"
            className="primary small"
            onClick={() => run({ on: false, anonymous })}
          >
            {t('silent.reveal')}
          </button>
        </>
      ) : (
        <>
          <p role="status">{t('silent.off')}</p>
          <button type="button" className="small" onClick={() => run({ on: true })}>
            {t('silent.start')}
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}
