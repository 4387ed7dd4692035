import { timerHoldsInput } from '../../shared/day/timer'
import type { InputHold } from '../../shared/workshopContracts'
import type { DayRecord } from './DayRecord'

/** Participants' input is paused on every board: a locked step, or a workshop timer at zero. */
export function workshopInputPaused(day: DayRecord, now: number): boolean {
  const step = day.agenda.find((candidate) => candidate.id === day.currentStepId)
  if (step?.mode === 'locked') return true
  return day.timer?.boardId === null && timerHoldsInput(day.timer, now)
}

/**
 * Why participants may not change one board now, if they may not: the facilitator took
 * control of it (Ta kontroll), a step locks boards, or a timer for the workshop or for this
 * board ran out with `pauseInputAtEnd`. The server refuses their writes while it lasts.
 */
export function inputHoldOn(day: DayRecord, boardId: string, now: number): InputHold | undefined {
  if (day.attention.some((standing) => standing.boardId === boardId && standing.mode === 'control'))
    return 'control'
  const step = day.agenda.find((candidate) => candidate.id === day.currentStepId)
  if (step?.mode === 'locked') return 'lockedStep'
  const timer = day.timer
  if (timer && (timer.boardId === null || timer.boardId === boardId) && timerHoldsInput(timer, now))
    return 'timeUp'
  return undefined
}
