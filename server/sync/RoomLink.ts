import type { CloseReason } from '../../shared/closeCodes'
import type { Connection } from './Connection'

/** Who wrote an update that reached the owner from another node. */
export interface ForwardedWriter {
  role: Connection['role']
  participantId?: string
}

/** The owner's answer to a forwarded update; `notOwner` sends the edge to look again. */
export type ForwardVerdict =
  { ok: true } | { ok: false; reason: CloseReason | 'notOwner'; detail: string }

/**
 * An update applied by the owner on behalf of another node: a writer's (checked by the gate)
 * or a server-side write made there (`writer` undefined, not checked, like local ones).
 */
export class RemoteWrite {
  constructor(
    /** `node/key` of the connection it came from, so that node does not echo it back. */
    readonly origin: string | undefined,
    readonly writer: ForwardedWriter | undefined,
  ) {}
}

/**
 * How a room takes part in a cluster of nodes (server/cluster/Cluster.ts). One node owns the
 * room: it checks, stores and then publishes. Every other node holding the room is a replica:
 * it sends its writers' updates to the owner and applies what the owner published.
 */
export interface RoomLink {
  /** Replica: sends an update to the owner and resolves with the owner's verdict. */
  forward(
    update: Uint8Array,
    writer: ForwardedWriter | undefined,
    from: Connection | undefined,
  ): Promise<ForwardVerdict>
  /** Owner: seqs after+1..seq are stored; `from` is where the whole batch came from. */
  stored(
    after: number,
    seq: number,
    update: Uint8Array,
    from: Connection | RemoteWrite | undefined,
  ): void
  /** Presence of this node's own connections changed (an encoded awareness update). */
  presence(update: Uint8Array): void
}
