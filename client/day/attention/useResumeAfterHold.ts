import { useEffect } from 'react'
import type { BoardSync } from '../../board/useBoardSync'

/** Waits this long after a pause seems over, so a clock a little ahead cannot loop. */
const RESUME_DELAY_MS = 1500

/**
 * The server refused this page's latest change because input was paused (close 4523) and
 * the page stopped syncing; once the live channel says the pause is over, it reconnects and
 * the change it kept goes in.
 */
export function useResumeAfterHold(sync: BoardSync, paused: boolean) {
  const { held, resumeAfterHold } = sync
  useEffect(() => {
    if (!held || paused) return
    const timer = setTimeout(resumeAfterHold, RESUME_DELAY_MS)
    return () => clearTimeout(timer)
  }, [held, paused, resumeAfterHold])
}
