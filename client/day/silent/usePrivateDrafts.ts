import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { useLiveScope } from '../LiveContext'
import { keepDraftsPrivate } from './privateDrafts'

/**
 * Silent writing on a participant's board: new notes stay drafts while the workshop writes
 * alone, and every draft is revealed once the facilitator shows everyone's notes (also after
 * a reload or a reconnect, since the drafts wait in IndexedDB).
 */
export function usePrivateDrafts(
  editor: Editor | undefined,
  options: { boardId: string; awareness: Awareness; isParticipant: boolean },
) {
  const { boardId, awareness, isParticipant } = options
  const day = useLiveScope()?.live.state?.day
  const now = useRef(day)
  const drafts = useRef<ReturnType<typeof keepDraftsPrivate>>(undefined)

  useEffect(() => {
    if (!editor || !isParticipant) return
    const kept = keepDraftsPrivate(editor, {
      boardId,
      awareness,
      writingAlone: () => now.current?.privateWriting === true,
      revealed: () => {
        const current = now.current
        return current && !current.privateWriting
          ? { anonymous: current.revealAnonymous }
          : undefined
      },
    })
    drafts.current = kept
    return () => {
      drafts.current = undefined
      kept.dispose()
    }
  }, [editor, boardId, awareness, isParticipant])

  useEffect(() => {
    now.current = day
    drafts.current?.revealIfDue()
  }, [day])
}
