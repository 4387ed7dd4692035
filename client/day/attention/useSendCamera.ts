import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'
import type { AttentionBody, ViewBounds } from '../../../shared/workshopContracts'

/** How often, at most, the facilitator's moving camera is sent to those who follow it. */
const CAMERA_SEND_MS = 250

export const viewOf = (editor: Editor): ViewBounds => {
  const view = editor.getViewportPageBounds()
  return { x: view.x, y: view.y, w: view.w, h: view.h }
}

/**
 * While Följ mig or Ta kontroll stands (`held` is the view the server holds for it), sends this
 * page's camera on as it moves: at most every 250 ms, one request at a time, and always the
 * latest view in the end. Compared with what the server holds, not with where the camera was
 * when this page heard that control stands: moves made in between are sent too.
 */
export function useSendCamera(
  editor: Editor | undefined,
  attention: ((body: AttentionBody) => Promise<unknown>) | undefined,
  boardId: string,
  mode: 'follow' | 'control' | undefined,
  held: ViewBounds | undefined,
) {
  const heldRef = useRef(held)
  useEffect(() => {
    heldRef.current = held
  }, [held])

  useEffect(() => {
    if (!editor || !attention || !mode) return
    let last = JSON.stringify(heldRef.current ?? null)
    let timer: ReturnType<typeof setTimeout> | undefined
    // One request at a time: two in flight could arrive in the wrong order and leave
    // followers on an older view.
    let sending = false
    const schedule = () => (timer ??= setTimeout(send, CAMERA_SEND_MS))
    const send = () => {
      timer = undefined
      const view = JSON.stringify(viewOf(editor))
      if (view === last) return
      if (sending) return void schedule()
      sending = true
      attention({ kind: 'move', boardId, bounds: JSON.parse(view) as ViewBounds })
        .then(
          () => (last = view),
          // Not sent: the next camera move tries again with the view of that moment.
          () => undefined,
        )
        .finally(() => (sending = false))
    }
    const stop = editor.store.listen(schedule, { scope: 'session' })
    schedule()
    return () => {
      stop()
      clearTimeout(timer)
    }
  }, [editor, attention, mode, boardId])
}
