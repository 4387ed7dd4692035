import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatRemaining } from '../../../shared/day/timer'
import type { TimerView } from '../../../shared/workshopContracts'
import '../strings'
import { playChime, useTimerMute } from './timerSound'
import { useRemaining } from './useRemaining'

const ONE_MINUTE = 60_000

/**
 * The workshop's clock. It shows every second, but tells screen readers only when it starts,
 * at one minute left and at zero (politely), never each tick. At zero: an icon, words and a
 * colour, and a chime unless this person muted it.
 */
export function TimerDisplay(props: {
  timer: TimerView
  clockOffset: number
  size?: 'bar' | 'room'
}) {
  const { t } = useTranslation()
  const { timer, clockOffset } = props
  const remaining = useRemaining(timer, clockOffset) ?? 0
  const done = remaining <= 0
  const [muted, toggleMute] = useTimerMute()
  const announcement = useAnnouncement(timer, remaining)

  const wasDone = useRef(done)
  useEffect(() => {
    if (done && !wasDone.current && !muted) playChime()
    wasDone.current = done
  }, [done, muted])

  const state = done ? 'done' : timer.paused ? 'paused' : 'running'
  return (
    <div className={`timer timer-${state} timer-${props.size ?? 'bar'}`} data-testid="timer">
      {timer.label && <span className="timer-label">{timer.label}</span>}
      <span role="timer" aria-label={t('day.timer.remaining')} className="timer-clock">
        <span data-testid="timer-clock">{formatRemaining(remaining)}</span>
      </span>
      {done && <strong className="timer-done-text">{t('day.timer.done')}</strong>}
      {!done && timer.paused && <span className="timer-paused-text">{t('day.timer.paused')}</span>}
      <button
        type="button"
        className="small timer-mute"
        aria-pressed={muted}
        onClick={toggleMute}
        title={muted ? t('day.timer.unmute') : t('day.timer.mute')}
      >
        {t('day.timer.mute')}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  )
}

/** What to tell a screen reader: the start, one minute left, zero; nothing in between. */
function useAnnouncement(timer: TimerView, remaining: number): string {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const startKey = `${timer.endsAt ?? 'paused'}:${timer.label}`
  const announced = useRef<{ key: string; minute: boolean; done: boolean }>({
    key: '',
    minute: false,
    done: false,
  })
  useEffect(() => {
    const seen = announced.current
    if (seen.key !== startKey && !timer.paused && remaining > 0) {
      announced.current = { key: startKey, minute: remaining <= ONE_MINUTE, done: false }
      setText(t('day.timer.announceStart', { time: formatRemaining(remaining) }))
    } else if (!seen.minute && remaining > 0 && remaining <= ONE_MINUTE) {
      seen.minute = true
      setText(t('day.timer.announceMinute'))
    } else if (!seen.done && remaining <= 0) {
      seen.done = true
      setText(t('day.timer.announceDone'))
    }
  }, [startKey, timer.paused, remaining, t])
  return text
}
