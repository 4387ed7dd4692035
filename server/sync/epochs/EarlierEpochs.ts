import * as Y from 'yjs'

/**
 * The Yjs clocks every earlier epoch of a board reached, from the kept bases' state vectors.
 * A client id with items below its clock here wrote them before the doc was rebuilt, so an
 * update carrying such an item comes from an old copy: a second tab that still had it, a
 * browser's stored copy merged with a new one, a client of the release before. Applied, it
 * would bring back old values and the history the rebuild dropped; the room refuses it.
 */
export class EarlierEpochs {
  private readonly clocks = new Map<number, number>()

  constructor(stateVectors: readonly Uint8Array[]) {
    for (const vector of stateVectors) {
      for (const [client, clock] of Y.decodeStateVector(vector)) {
        this.clocks.set(client, Math.max(clock, this.clocks.get(client) ?? 0))
      }
    }
  }

  /** Whether `update` carries an item written in an earlier epoch. */
  carriedBy(update: Uint8Array): boolean {
    if (this.clocks.size === 0) return false
    let from: Map<number, number>
    try {
      from = Y.parseUpdateMeta(update).from
    } catch {
      // A corrupt update is the gate's to refuse, with its own reason.
      return false
    }
    for (const [client, clock] of from) {
      if (clock < (this.clocks.get(client) ?? 0)) return true
    }
    return false
  }
}
