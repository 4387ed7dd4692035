import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { StepStatus } from './agenda/StepStatus'
import { HandButton } from './hands/HandButton'
import { timerFor } from './timer/boardTimer'
import { TimerDisplay } from './timer/TimerDisplay'
import { useLiveScope } from './LiveContext'
import './day.css'
import './strings'

/**
 * The board's strip under the top bar: the workshop's current and next step, the clock, and
 * (facilitator) the step button. Nothing shows on a board outside a workshop.
 */
export function DayBar(props: { canRunDay: boolean; boardId: string; children?: ReactNode }) {
  const { canRunDay, boardId } = props
  const { t } = useTranslation()
  const scope = useLiveScope()
  const day = scope?.live.state?.day
  if (!scope || !day) return null
  const timer = timerFor(day, boardId)
  return (
    <div className="day-bar" data-testid="day-bar">
      <StepStatus day={day} api={canRunDay ? scope.api : undefined} />
      {timer && <TimerDisplay timer={timer} clockOffset={scope.live.clockOffset} />}
      {props.children}
      <HandButton />
      {!scope.live.connected && (
        <span className="day-offline" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('day.live.offline')}
        </span>
      )}
    </div>
  )
}
