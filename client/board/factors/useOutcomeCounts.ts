import { useMemo } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { OutcomeCounts } from '../../../shared/factors/countOutcome'
import { outcomeTally } from './outcomeTally'

const NONE = { hindering: 0, enabling: 0, undecided: 0, total: 0 }
const EMPTY: OutcomeCounts = { ...NONE, clusters: [], unsorted: NONE }

/** The board's factor counts, recomputed when a note changes cluster or polarity. */
export function useOutcomeCounts(editor: Editor | undefined): OutcomeCounts {
  const tally = useMemo(
    () => (editor ? outcomeTally(() => editor.getCurrentPageShapes()) : undefined),
    [editor],
  )
  return useValue('outcome counts', () => tally?.get() ?? EMPTY, [tally])
}
