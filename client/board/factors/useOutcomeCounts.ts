import { useValue, type Editor } from 'tldraw'
import { computeOutcome } from '../../../shared/factors/computeOutcome'
import { countOutcome, type OutcomeCounts } from '../../../shared/factors/countOutcome'
import { pageRecords } from './records'

const NONE = { hindering: 0, enabling: 0, undecided: 0, total: 0 }
const EMPTY: OutcomeCounts = { ...NONE, clusters: [], unsorted: NONE }

/** The board's factor counts, recomputed whenever a shape on the page changes. */
export function useOutcomeCounts(editor: Editor | undefined): OutcomeCounts {
  return useValue(
    'outcome counts',
    () => (editor ? countOutcome(computeOutcome(pageRecords(editor))) : EMPTY),
    [editor],
  )
}
