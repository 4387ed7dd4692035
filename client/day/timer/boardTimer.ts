import type { WorkshopDay } from '../../../shared/workshopContracts'
import { remainingMs } from './useRemaining'

/** The timer that applies on a board: the workshop's, or one started for this board. */
export function timerFor(day: WorkshopDay, boardId: string | undefined) {
  const timer = day.timer
  if (!timer) return null
  return timer.boardId === null || timer.boardId === boardId ? timer : null
}

/** Whether participants on this board may not write now (a locked step, or time ran out so). */
export function inputPausedOn(
  day: WorkshopDay,
  boardId: string | undefined,
  clockOffset: number,
): boolean {
  if (day.inputPaused) return true
  const timer = timerFor(day, boardId)
  return !!timer && timer.pauseInputAtEnd && remainingMs(timer, clockOffset) <= 0
}
