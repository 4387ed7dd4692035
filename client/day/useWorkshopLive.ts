import { useEffect, useState } from 'react'
import type { AttentionEvent, WorkshopLiveState } from '../../shared/workshopContracts'

export interface WorkshopLive {
  state: WorkshopLiveState | undefined
  /** Server clock minus this browser's clock (ms): the timer counts from the server's time. */
  clockOffset: number
  /** False while the stream is down; EventSource reconnects by itself. */
  connected: boolean
  /** The most recent one-off request (summon), for the board it names. */
  attention: AttentionEvent | undefined
  /** The stream failed before it ever delivered a state (e.g. an unknown participant key). */
  failedAtStart: boolean
}

/**
 * The workshop's live channel: one server-sent-events stream per page that carries the day's
 * state (and the participant's own board and ballots) after every change.
 */
export function useWorkshopLive(
  workshopId: string,
  token: string,
  participantKey?: string,
): WorkshopLive {
  const [live, setLive] = useState<WorkshopLive>({
    state: undefined,
    clockOffset: 0,
    connected: false,
    attention: undefined,
    failedAtStart: false,
  })

  useEffect(() => {
    const query = new URLSearchParams({ token })
    if (participantKey) query.set('participant', participantKey)
    const source = new EventSource(
      `/api/workshops/${encodeURIComponent(workshopId)}/live?${query.toString()}`,
    )
    let received = false
    source.addEventListener('state', (event) => {
      const state = JSON.parse((event as MessageEvent<string>).data) as WorkshopLiveState
      received = true
      const clockOffset = state.day.serverTime - Date.now()
      setLive((before) => ({
        ...before,
        state,
        clockOffset,
        connected: true,
        failedAtStart: false,
      }))
    })
    source.addEventListener('attention', (event) => {
      const attention = JSON.parse((event as MessageEvent<string>).data) as AttentionEvent
      setLive((before) => ({ ...before, attention }))
    })
    source.addEventListener('error', () => {
      setLive((before) => ({ ...before, connected: false, failedAtStart: !received }))
    })
    return () => source.close()
  }, [workshopId, token, participantKey])

  return live
}
