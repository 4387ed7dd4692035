import { useCallback, useEffect, useRef, useState } from 'react'
import { nextPollDelay } from './pollDelay'

export interface Polled<T> {
  data: T | undefined
  /** When `data` arrived (ms since the epoch), e.g. to say how long ago something happened. */
  receivedAt: number
  error: Error | undefined
  /** Asks again now, e.g. right after an action changed what is polled. */
  refresh(): void
}

/**
 * Calls `load` now and then every `intervalMs`, one call at a time (a slow answer never
 * piles up requests), and keeps the last answer while a later call fails. It stops after a
 * 401/403/404 (`refresh` starts it again) and waits longer after a 429.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number): Polled<T> {
  const [data, setData] = useState<T>()
  const [receivedAt, setReceivedAt] = useState(0)
  const [error, setError] = useState<Error>()
  const [tick, setTick] = useState(0)
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  }, [load])

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      let failure: unknown
      try {
        const next = await loadRef.current()
        if (stopped) return
        setData(next)
        setReceivedAt(Date.now())
        setError(undefined)
      } catch (e) {
        failure = e
        if (!stopped) setError(e as Error)
      }
      const delay = nextPollDelay(failure, intervalMs)
      if (!stopped && delay !== undefined) timer = setTimeout(() => void poll(), delay)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [intervalMs, tick])

  const refresh = useCallback(() => setTick((n) => n + 1), [])
  return { data, receivedAt, error, refresh }
}
