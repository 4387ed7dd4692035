import type { ClusterOutcome, Factor, Polarity } from '../../shared/factors'
import type { SynthesisWording } from '../../shared/workshopContracts'

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
  /** Each group's own wording of a plenary entry; empty for every other factor. */
  wordings(factorId: string): readonly SynthesisWording[]
  groupName(groupId: string): string
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
