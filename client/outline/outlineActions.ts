import type { ClusterOutcome, Factor, Polarity } from '../../shared/factors'
import type { SynthesisWording } from '../../shared/workshopContracts'
import type { SynthesisNote } from '../workshop/synthesis/synthesisNote'

/** What the outline's parts may do to the board, and where focus goes after a change. */
export interface OutlineActions {
  clusters: readonly ClusterOutcome[]
  /** A viewer reads the outline; no edit controls are shown. */
  readOnly: boolean
  updateFactor(
    factor: Factor,
    next: { text: string; polarity: Polarity; clusterId: string | undefined },
  ): void
  renameCluster(clusterId: string, name: string): void
  /** On a plenary board: the synthesis behind its notes. */
  synthesis?: OutlineSynthesis
  /** The factor whose edit button takes focus once it has rendered in its new place. */
  focusTarget: FocusTarget | undefined
  focusDone(): void
}

/** A factor and where it will be after an edit; the doc update renders a frame later. */
export interface FocusTarget {
  factorId: string
  clusterId: string | undefined
  polarity: Polarity
}

/** What the outline of a plenary board shows and does with its synthesis entries. */
export interface OutlineSynthesis {
  noteOf(factorId: string): SynthesisNote | undefined
  groupNames: Record<string, string>
  /** The facilitator may split and merge entries. */
  canEdit: boolean
  split(noteId: string, wording: SynthesisWording): void
  merge(intoNoteId: string, fromNoteId: string): void
}
