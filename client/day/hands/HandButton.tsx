import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLiveScope } from '../LiveContext'
import './strings'

/**
 * A remote participant's **Räck upp handen**: a toggle button (aria-pressed), its state from
 * the live channel, so a reload or a facilitator lowering it shows at once.
 */
export function HandButton() {
  const { t } = useTranslation()
  const scope = useLiveScope()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const me = scope?.live.state?.me
  if (!scope?.participantKey || !me) return null
  const raised = me.handRaised
  const toggle = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await scope.api.setHand(scope.participantKey!, !raised)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className="hand-control">
      <button
        type="button"
        className={`small hand-button${raised ? ' raised' : ''}`}
        aria-pressed={raised}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {raised ? t('hands.lower') : t('hands.raise')}
      </button>
      {raised && <span className="hand-state">{t('hands.raised')}</span>}
      <span className="visually-hidden" role="status">
        {raised ? t('hands.raisedAnnounce') : ''}
      </span>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  )
}
