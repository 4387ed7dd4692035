import type { TimerView } from '../workshopContracts'

/** How the server keeps the clock: an end time while running, the time left while paused. */
export interface TimerState {
  endsAt: number | null
  pausedRemainingMs: number | null
  label: string
  pauseInputAtEnd: boolean
  boardId: string | null
}

export function timerView(timer: TimerState, now: number): TimerView {
  const remainingMs =
    timer.endsAt !== null
      ? Math.max(0, timer.endsAt - now)
      : Math.max(0, timer.pausedRemainingMs ?? 0)
  return {
    endsAt: timer.endsAt,
    remainingMs,
    paused: timer.endsAt === null,
    label: timer.label,
    pauseInputAtEnd: timer.pauseInputAtEnd,
    boardId: timer.boardId,
  }
}

export function startTimer(
  seconds: number,
  now: number,
  options: { label?: string; pauseInputAtEnd?: boolean; boardId?: string | null } = {},
): TimerState {
  return {
    endsAt: now + seconds * 1000,
    pausedRemainingMs: null,
    label: options.label ?? '',
    pauseInputAtEnd: options.pauseInputAtEnd ?? false,
    boardId: options.boardId ?? null,
  }
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.endsAt === null) return timer
  return { ...timer, endsAt: null, pausedRemainingMs: Math.max(0, timer.endsAt - now) }
}

/**
 * Resumes a paused timer. A timer that has run out is done: resuming it releases the
 * participants' paused input (the caller then drops it).
 */
export function resumeTimer(timer: TimerState, now: number): TimerState | null {
  const remaining = timerView(timer, now).remainingMs
  if (remaining <= 0) return null
  if (timer.endsAt !== null) return timer
  return { ...timer, endsAt: now + remaining, pausedRemainingMs: null }
}

/** +1, +5 …: adds time; a timer that has run out starts again from now. */
export function addToTimer(timer: TimerState, seconds: number, now: number): TimerState {
  const remaining = timerView(timer, now).remainingMs + seconds * 1000
  if (timer.endsAt === null) return { ...timer, pausedRemainingMs: remaining }
  return { ...timer, endsAt: now + remaining }
}

/** Participants' input pauses once a timer started with `pauseInputAtEnd` reaches zero. */
export function timerHoldsInput(timer: TimerState | null, now: number): boolean {
  return !!timer && timer.pauseInputAtEnd && timerView(timer, now).remainingMs <= 0
}

/** mm:ss (or h:mm:ss) of a remaining time, rounded up so 0:00 means it is over. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`
}

export const MAX_TIMER_SECONDS = 6 * 3600
