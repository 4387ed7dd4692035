import type { ClusterOutcome, Factor, Polarity } from '../../shared/factors'

/** What the outline's parts may do to the board, and where focus goes after a change. */
export interface OutlineActions {
  clusters: readonly ClusterOutcome[]
  updateFactor(
    factor: Factor,
    next: { text: string; polarity: Polarity; clusterId: string | undefined },
  ): void
  renameCluster(clusterId: string, name: string): void
  /** The factor whose control should take focus once it has rendered in its new place. */
  focusTarget: string | undefined
  focusDone(): void
}
