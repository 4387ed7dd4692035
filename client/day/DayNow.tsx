import { useLiveScope } from './LiveContext'
import { StepStatus } from './agenda/StepStatus'
import { TimerDisplay } from './timer/TimerDisplay'
import './day.css'

/** The current step and the workshop's clock, for pages outside a board (viewers). */
export function DayNow() {
  const scope = useLiveScope()
  const day = scope?.live.state?.day
  if (!day) return null
  const timer = day.timer && day.timer.boardId === null ? day.timer : null
  return (
    <div className="day-now day-bar">
      <StepStatus day={day} />
      {timer && <TimerDisplay timer={timer} clockOffset={scope!.live.clockOffset} />}
    </div>
  )
}
