import { computed, type Signal, type TLShape } from 'tldraw'
import type { RecordJson } from '../../../shared/board/boardDoc'
import { countFactors, type OutcomeCounts } from '../../../shared/factors/countOutcome'
import { asRecordJson } from './records'

/**
 * The board's factor counts as a signal that changes only when a count can: when a note
 * changes cluster or polarity, or a cluster frame changes. Dragging notes within a cluster,
 * frame after frame, leaves the counts (and so the panel) alone.
 */
export function outcomeTally(pageShapes: () => readonly TLShape[]): Signal<OutcomeCounts> {
  const inputs = computed('outcome inputs', () => countInputs(pageShapes()), {
    isEqual: sameInputs,
  })
  return computed('outcome counts', () => countFactors(inputs.get()))
}

/** Frames and groups whole (a cluster's reading order needs its place); notes in brief. */
function countInputs(shapes: readonly TLShape[]): RecordJson[] {
  const inputs: RecordJson[] = []
  for (const shape of shapes) {
    if (shape.type === 'note') {
      const polarity = shape.meta.polarity ?? null
      inputs.push({
        id: shape.id,
        typeName: 'shape',
        type: 'note',
        parentId: shape.parentId,
        meta: { polarity },
      } as RecordJson)
    } else if (shape.type === 'frame' || shape.type === 'group') {
      inputs.push(asRecordJson(shape))
    }
  }
  return inputs
}

function sameInputs(a: readonly RecordJson[], b: readonly RecordJson[]): boolean {
  if (a.length !== b.length) return false
  return a.every((record, i) => {
    const other = b[i]!
    if (record.type !== 'note') return record === other
    return (
      record.id === other.id &&
      record.parentId === other.parentId &&
      (record.meta as { polarity: unknown }).polarity ===
        (other.meta as { polarity: unknown }).polarity
    )
  })
}
