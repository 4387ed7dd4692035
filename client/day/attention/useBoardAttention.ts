import { useEffect, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { BoardAttention, ViewBounds } from '../../../shared/workshopContracts'
import { useLiveScope } from '../LiveContext'

/** A cluster lit up for everyone on the board (until the facilitator turns it off). */
export interface Spotlight {
  shapeId: string
  bounds: ViewBounds
}

export interface BoardAttentionState {
  /** The facilitator's standing Följ mig or Ta kontroll on this board, if any. */
  standing: BoardAttention | undefined
  /** This page follows the facilitator's camera (under control, or by accepting Följ mig). */
  following: boolean
  /** Ta kontroll holds this page: camera locked to the facilitator's, no editing. */
  controlled: boolean
  /** Följ mig stands and this person has not answered yet. */
  followOffered: boolean
  setFollowing(follow: boolean): void
  spotlight: Spotlight | undefined
  dismissSpotlight(): void
}

/**
 * What the facilitator asks of this page now, from the live channel, and the camera moves
 * that follow from it. The facilitator's own page is never steered (`steered` false).
 */
export function useBoardAttention(
  editor: Editor | undefined,
  boardId: string,
  steered: boolean,
): BoardAttentionState {
  const live = useLiveScope()?.live
  const standing = live?.state?.day.attention.find((a) => a.boardId === boardId)
  // Answers to one Följ mig, keyed by when it started: a new request asks again.
  const [answer, setAnswer] = useState<{ at: number; follow: boolean }>()
  const answered = standing && answer?.at === standing.at ? answer.follow : undefined
  const controlled = steered && standing?.mode === 'control'
  const following = controlled || (steered && standing?.mode === 'follow' && answered === true)

  const bounds = standing?.bounds
  const boundsKey = bounds ? `${bounds.x},${bounds.y},${bounds.w},${bounds.h}` : ''
  // This page's own canvas changes size too (the control notice appears, a panel closes, a
  // phone turns): the facilitator's view is fitted again, else the camera stays where the old
  // size put it (tldraw does not re-centre a locked camera).
  const viewportKey = useValue(
    'viewport size',
    () => {
      const screen = editor?.getViewportScreenBounds()
      return screen ? `${screen.w}x${screen.h}` : ''
    },
    [editor],
  )
  useEffect(() => {
    if (!editor || !following || !bounds) return
    editor.zoomToBounds(bounds, { animation: { duration: 300 }, force: true, inset: 0 })
    // Deliberately keyed by the bounds' value: a new object with the same view moves nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, following, boundsKey, viewportKey])

  // Under control the camera stays where the facilitator puts it.
  useEffect(() => {
    if (!editor || !controlled) return
    editor.setCameraOptions({ isLocked: true })
    return () => {
      editor.setCameraOptions({ isLocked: false })
    }
  }, [editor, controlled])

  const lit = live?.state?.day.spotlights.find((candidate) => candidate.boardId === boardId)
  const [dismissedAt, setDismissedAt] = useState<number>()
  const spotlight =
    lit && lit.at !== dismissedAt ? { shapeId: lit.spotlightId, bounds: lit.bounds } : undefined
  // Once per spotlight (keyed by when it was lit), also on a page that opens while it stands.
  const litAt = lit?.at
  useEffect(() => {
    if (!editor || !lit) return
    // Room around the cluster, so the dimmed rest still shows where it sits on the board.
    editor.zoomToBounds(lit.bounds, { animation: { duration: 400 }, force: true, inset: 160 })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, litAt])

  return {
    standing,
    following,
    controlled,
    followOffered: steered && standing?.mode === 'follow' && answered === undefined,
    setFollowing: (follow) => standing && setAnswer({ at: standing.at, follow }),
    spotlight,
    dismissSpotlight: () => setDismissedAt(lit?.at),
  }
}
