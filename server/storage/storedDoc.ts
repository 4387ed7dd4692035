import * as Y from 'yjs'
import type { StoredDoc } from './Storage'

/**
 * Snapshots are stored in Yjs's update format V2 behind this marker. V2 encodes the structure
 * a long day leaves behind (every overwritten x, y and text) in columns that compress it almost
 * away: a day of 30,000 moves stores about 1.2× a fresh doc instead of 2.6× (bench: longday).
 * A V1 update starts with its number of clients as a varint; these bytes read as 2³²−1
 * clients, which no real update has, so older V1 snapshots are still told apart.
 */
type StoredRows = Pick<StoredDoc, 'snapshot' | 'updates'>

const V2_MARKER = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f)

/** The whole doc as a snapshot row. */
export function encodeSnapshot(doc: Y.Doc): Uint8Array {
  const update = Y.encodeStateAsUpdateV2(doc)
  const snapshot = new Uint8Array(V2_MARKER.length + update.length)
  snapshot.set(V2_MARKER)
  snapshot.set(update, V2_MARKER.length)
  return snapshot
}

function isV2(snapshot: Uint8Array): boolean {
  return V2_MARKER.every((byte, i) => snapshot[i] === byte)
}

/** Applies a stored snapshot (either format) and the updates after it, in one transaction. */
export function applyStoredDoc(doc: Y.Doc, stored: StoredRows, origin?: unknown) {
  Y.transact(
    doc,
    () => {
      const { snapshot } = stored
      if (snapshot && isV2(snapshot)) {
        Y.applyUpdateV2(doc, snapshot.subarray(V2_MARKER.length), origin)
      } else if (snapshot) {
        Y.applyUpdate(doc, snapshot, origin)
      }
      for (const update of stored.updates) Y.applyUpdate(doc, update, origin)
    },
    origin,
  )
}

/** A throw-away doc with the stored state (for reads, checks and tests). */
export function docFromStored(stored: StoredRows): Y.Doc {
  const doc = new Y.Doc()
  applyStoredDoc(doc, stored)
  return doc
}
