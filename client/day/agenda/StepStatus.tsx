import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopDay } from '../../../shared/workshopContracts'
import type { WorkshopApi } from '../../workshop/workshopApi'
import '../strings'
import { stepsNow } from './currentStep'

/** "Now: Sortera · Next: Välj det viktigaste", and for the facilitator the **Nästa steg** button. */
export function StepStatus(props: { day: WorkshopDay; api?: WorkshopApi }) {
  const { t } = useTranslation()
  const { current, next } = stepsNow(props.day)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const advance = async () => {
    if (!props.api) return
    setBusy(true)
    setError(undefined)
    try {
      await props.api.step({ next: true })
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="step-status" data-testid="step-status">
      <span className="step-now">
        {current ? t('day.now', { title: current.title }) : t('day.noStep')}
      </span>
      <span className="step-next muted">
        {next ? t('day.next', { title: next.title }) : t('day.lastStep')}
      </span>
      {props.api && next && (
        <button type="button" className="small primary" disabled={busy} onClick={advance}>
          {current ? t('day.nextStep') : t('day.startDay')}
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
