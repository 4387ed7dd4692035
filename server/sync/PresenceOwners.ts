import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Connection } from './Connection'

/**
 * Binds each awareness client id (a person's name and cursor) to the connection that first
 * announced it, so nobody else can take that presence over, change it, or remove it from
 * everyone's view. A reconnecting tab that keeps its id gets it back once its old
 * connection has gone.
 */
export class PresenceOwners {
  private readonly owners = new Map<number, Connection>()

  /** Ids nobody may speak for (the server's own awareness client). */
  constructor(private readonly reserved: ReadonlySet<number>) {}

  /**
   * Returns `update` (a y-protocols awareness update) without the entries for ids another
   * connection owns, and makes `connection` the owner of the new ids it announces.
   * Throws on a malformed update.
   */
  claim(connection: Connection, update: Uint8Array): Uint8Array {
    const decoder = decoding.createDecoder(update)
    const kept: { clientId: number; clock: number; state: string }[] = []
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state = decoding.readVarString(decoder)
      if (this.reserved.has(clientId)) continue
      const owner = this.owners.get(clientId)
      if (owner && owner !== connection) continue
      if (!owner && state !== 'null') this.owners.set(clientId, connection)
      kept.push({ clientId, clock, state })
    }
    if (kept.length === count) return update
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, kept.length)
    for (const entry of kept) {
      encoding.writeVarUint(encoder, entry.clientId)
      encoding.writeVarUint(encoder, entry.clock)
      encoding.writeVarString(encoder, entry.state)
    }
    return encoding.toUint8Array(encoder)
  }

  /** Frees the ids a connection owned, when it leaves. */
  release(connection: Connection) {
    for (const [clientId, owner] of this.owners) {
      if (owner === connection) this.owners.delete(clientId)
    }
  }
}
