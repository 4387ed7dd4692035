import { useLiveScope } from '../LiveContext'
import { inputPausedOn, timerFor } from './boardTimer'
import { useRemaining } from './useRemaining'

/** Whether participants' input on this board is paused now; re-checked as the clock runs. */
export function useInputPaused(boardId: string): boolean {
  const scope = useLiveScope()
  const day = scope?.live.state?.day
  // Ticking here makes the pause start at zero without waiting for the server.
  useRemaining(day ? timerFor(day, boardId) : null, scope?.live.clockOffset ?? 0)
  return !!day && inputPausedOn(day, boardId, scope!.live.clockOffset)
}
