import type { AttentionEvent, WorkshopLiveState } from '../../shared/workshopContracts'

type LiveEvent =
  { event: 'state'; data: WorkshopLiveState } | { event: 'attention'; data: AttentionEvent }

/**
 * A reader of the workshop's live channel (server-sent events) over plain fetch: it keeps
 * every event, and `next` waits for the first one (from now or already seen) that matches.
 */
export async function openLive(url: string, workshopId: string, query: Record<string, string>) {
  const controller = new AbortController()
  const response = await fetch(
    `${url}/api/workshops/${workshopId}/live?${new URLSearchParams(query).toString()}`,
    { signal: controller.signal },
  )
  const events: LiveEvent[] = []
  const waiters: (() => void)[] = []
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    void (async () => {
      let buffer = ''
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += value
          let end
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const event = /^event: (.*)$/m.exec(block)?.[1]
            const data = /^data: (.*)$/m.exec(block)?.[1]
            if (event && data) {
              events.push({ event, data: JSON.parse(data) } as LiveEvent)
              for (const wake of waiters.splice(0)) wake()
            }
          }
        }
      } catch {
        // aborted by close()
      }
    })()
  }
  return {
    status: response.status,
    headers: response.headers,
    events,
    /** The latest state event matching `test`, waiting up to `timeoutMs` for one. */
    async state(test: (state: WorkshopLiveState) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const states = events.filter((e) => e.event === 'state').map((e) => e.data)
        const found = states.reverse().find((s) => test(s as WorkshopLiveState))
        if (found) return found as WorkshopLiveState
        if (Date.now() > deadline) throw new Error('no matching live state')
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 200)
        })
      }
    },
    async attention(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = events.find((e) => e.event === 'attention')
        if (found) return found.data as AttentionEvent
        if (Date.now() > deadline) throw new Error('no attention event')
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
    close() {
      controller.abort()
    },
  }
}
