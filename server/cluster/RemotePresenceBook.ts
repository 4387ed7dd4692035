import * as awarenessProtocol from 'y-protocols/awareness'
import { awarenessClientIds } from '../sync/awarenessClients'
import { RemotePresence, type Room } from '../sync/Room'

/**
 * The presence other nodes relayed into one room, by node. A node that stops sending its
 * heartbeat (it died, or lost Redis) has its people removed after `expiryMs`, not after the
 * 30 s y-protocols waits for a silent client.
 */
export class RemotePresenceBook {
  private readonly nodes = new Map<string, { ids: Set<number>; heardAt: number }>()

  constructor(
    private readonly room: Room,
    private readonly expiryMs: number,
  ) {}

  /** Applies another node's presence changes. */
  apply(nodeId: string, updates: Uint8Array[]) {
    const node = this.heard(nodeId)
    for (const update of updates) {
      try {
        for (const id of awarenessClientIds(update)) node.ids.add(id)
        awarenessProtocol.applyAwarenessUpdate(
          this.room.awareness,
          update,
          new RemotePresence(nodeId),
        )
      } catch {
        // Another node only relays what its own room accepted; a broken one is skipped.
      }
    }
  }

  /** Another node's heartbeat: exactly these ids are its connections' now. */
  alive(nodeId: string, ids: number[]) {
    const node = this.heard(nodeId)
    const now = new Set(ids)
    const gone = [...node.ids].filter((id) => !now.has(id))
    node.ids = now
    this.remove(nodeId, gone)
  }

  /** Removes the presence of nodes not heard from for `expiryMs`. */
  expire(now = Date.now()) {
    for (const [nodeId, node] of this.nodes) {
      if (now - node.heardAt < this.expiryMs) continue
      this.nodes.delete(nodeId)
      this.remove(nodeId, [...node.ids])
    }
  }

  private heard(nodeId: string) {
    let node = this.nodes.get(nodeId)
    if (!node) {
      node = { ids: new Set(), heardAt: 0 }
      this.nodes.set(nodeId, node)
    }
    node.heardAt = Date.now()
    return node
  }

  /** Never an id one of this node's own connections holds (a client that moved here). */
  private remove(nodeId: string, ids: number[]) {
    const local = new Set(this.room.localPresenceIds())
    const states = this.room.awareness.getStates()
    const stale = ids.filter((id) => !local.has(id) && states.has(id))
    if (stale.length === 0) return
    awarenessProtocol.removeAwarenessStates(this.room.awareness, stale, new RemotePresence(nodeId))
  }
}
