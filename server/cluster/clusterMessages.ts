import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import { CloseCode, type CloseReason } from '../../shared/closeCodes'
import { ROLES, type Role } from '../../shared/workshopContracts'

/**
 * The version of messages between nodes. A node skips a message of another version, so two
 * releases can run side by side during an upgrade: a newer one bumps this only when older
 * nodes could not read what it sends.
 */
export const CLUSTER_PROTOCOL = 1

const closeReasons = Object.keys(CloseCode) as [CloseReason, ...CloseReason[]]

/** Who wrote a forwarded update: what the owner needs to check it as its own client's. */
const writer = z.object({
  role: z.enum(ROLES as [Role, ...Role[]]),
  participantId: z.string().max(200).optional(),
})

const headers = z.discriminatedUnion('kind', [
  /** The owner stored seqs after+1..seq of a board; the payload is their merged update. */
  z.object({
    kind: z.literal('stored'),
    board: z.string(),
    node: z.string(),
    after: z.number().int().min(0),
    seq: z.number().int().min(0),
    /** The connection (`node/key`) the whole batch came from; it needs no echo. */
    origin: z.string().optional(),
  }),
  /** The owner's last stored seq, each second: a node behind it missed a message. */
  z.object({ kind: z.literal('head'), board: z.string(), node: z.string(), seq: z.number() }),
  /** A writer's update (or, without writer, a server-side write) sent to the board's owner. */
  z.object({
    kind: z.literal('forward'),
    board: z.string(),
    node: z.string(),
    id: z.number().int(),
    writer: writer.optional(),
    origin: z.string().optional(),
  }),
  /** The owner's verdict on a forwarded update, after it was stored (or refused). */
  z.object({
    kind: z.literal('verdict'),
    id: z.number().int(),
    ok: z.boolean(),
    reason: z.enum([...closeReasons, 'notOwner']).optional(),
    detail: z.string().max(500).optional(),
  }),
  /** Presence changes of a node's own connections; the payloads are awareness updates. */
  z.object({ kind: z.literal('presence'), board: z.string(), node: z.string() }),
  /** Each second: which presence ids a node's connections hold, so a dead node's fade. */
  z.object({
    kind: z.literal('alive'),
    board: z.string(),
    node: z.string(),
    ids: z.array(z.number().int()).max(10_000),
  }),
  /** Close connections on every node: a rotated credential, or erased boards. */
  z.object({
    kind: z.literal('close'),
    node: z.string(),
    credentialId: z.string().optional(),
    boardIds: z.array(z.string()).max(10_000).optional(),
    reason: z.enum(closeReasons),
  }),
  /** A day event of a workshop (its state changed, a step began, an attention request). */
  z.object({
    kind: z.literal('day'),
    node: z.string(),
    event: z.enum(['changed', 'stepChanged', 'attention']),
    workshopId: z.string(),
    args: z.array(z.unknown()).max(4),
  }),
])

export type ClusterHeader = z.infer<typeof headers>
export type ForwardedWriter = z.infer<typeof writer>

export interface ClusterMessage {
  header: ClusterHeader
  payloads: Uint8Array[]
}

/** Version, a JSON header, then binary payloads (Yjs and awareness updates stay binary). */
export function encodeClusterMessage(
  header: ClusterHeader,
  payloads: Uint8Array[] = [],
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, CLUSTER_PROTOCOL)
  encoding.writeVarString(encoder, JSON.stringify(header))
  encoding.writeVarUint(encoder, payloads.length)
  for (const payload of payloads) encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** The message, or why it is skipped: another version, or bytes that are not one of ours. */
export function decodeClusterMessage(
  bytes: Uint8Array,
): { ok: true; message: ClusterMessage } | { ok: false; why: string } {
  try {
    const decoder = decoding.createDecoder(bytes)
    const version = decoding.readVarUint(decoder)
    if (version !== CLUSTER_PROTOCOL) return { ok: false, why: `protocol version ${version}` }
    const parsed = headers.safeParse(JSON.parse(decoding.readVarString(decoder)))
    if (!parsed.success) return { ok: false, why: 'unknown or malformed header' }
    const count = decoding.readVarUint(decoder)
    const payloads: Uint8Array[] = []
    for (let i = 0; i < count; i++) payloads.push(decoding.readVarUint8Array(decoder))
    return { ok: true, message: { header: parsed.data, payloads } }
  } catch (error) {
    return { ok: false, why: `undecodable: ${String(error)}` }
  }
}
