import { useEffect, useState } from 'react'
import type { TimerView } from '../../../shared/workshopContracts'

/** Time left on the server's clock: this browser's clock corrected by the measured offset. */
export function remainingMs(timer: TimerView, clockOffset: number, now = Date.now()): number {
  if (timer.endsAt === null) return timer.remainingMs
  return Math.max(0, timer.endsAt - (now + clockOffset))
}

/** The remaining time of `timer`, re-read four times a second while it runs. */
export function useRemaining(timer: TimerView | null, clockOffset: number): number | undefined {
  const [now, setNow] = useState(() => Date.now())
  const running = !!timer && timer.endsAt !== null
  useEffect(() => {
    if (!running) return
    const interval = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(interval)
  }, [running])
  return timer ? remainingMs(timer, clockOffset, now) : undefined
}
