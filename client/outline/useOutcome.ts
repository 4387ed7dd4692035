import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readRecords, recordsMap } from '../../shared/board/boardDoc'
import { computeOutcome, type Outcome } from '../../shared/factors'

/**
 * The board's outcome, recomputed when the doc changes. A drag on the canvas changes the
 * doc many times a second, so recomputing waits for the next animation frame.
 */
export function useOutcome(doc: Y.Doc): Outcome {
  const [outcome, setOutcome] = useState(() => computeOutcome(readRecords(doc)))
  useEffect(() => {
    let frame = 0
    const recompute = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        setOutcome(computeOutcome(readRecords(doc)))
      })
    }
    const records = recordsMap(doc)
    records.observeDeep(recompute)
    recompute()
    return () => {
      records.unobserveDeep(recompute)
      cancelAnimationFrame(frame)
    }
  }, [doc])
  return outcome
}
