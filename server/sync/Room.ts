import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import type { CloseReason } from '../../shared/closeCodes'
import type { Storage } from '../storage/Storage'
import type { Connection } from './Connection'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2
const MESSAGE_QUERY_AWARENESS = 3

export class ProtocolError extends Error {
  constructor(
    readonly reason: CloseReason,
    message: string,
  ) {
    super(message)
  }
}

interface PendingUpdate {
  update: Uint8Array
  from: Connection | undefined
}

export interface RoomOptions {
  compactEveryUpdates: number
}

/**
 * One board's live doc and the sockets working on it: the y-websocket protocol (sync and
 * awareness) and nothing else. Each incoming update is stored before it is relayed; updates
 * arriving within one event-loop turn are stored in one transaction and relayed as one message.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()
  private pending: PendingUpdate[] = []
  private flushScheduled = false
  private lastSeq: number
  private updatesSinceCompaction = 0

  constructor(
    readonly boardId: string,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
    lastSeq: number,
  ) {
    this.lastSeq = lastSeq
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  join(connection: Connection) {
    this.connections.add(connection)
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(step1, this.doc)
    this.send(connection, encoding.toUint8Array(step1))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) {
      this.send(connection, this.awarenessMessage(states))
    }
  }

  leave(connection: Connection) {
    if (!this.connections.delete(connection)) return
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
  }

  /** Handles one binary frame; throws ProtocolError for anything that breaks the protocol. */
  receive(connection: Connection, message: Uint8Array) {
    const decoder = decoding.createDecoder(message)
    const type = readVarUint(decoder)
    switch (type) {
      case MESSAGE_SYNC:
        return this.receiveSync(connection, decoder)
      case MESSAGE_AWARENESS:
        return this.receiveAwareness(connection, decoder)
      case MESSAGE_QUERY_AWARENESS:
        return this.send(connection, this.awarenessMessage([...this.awareness.getStates().keys()]))
      case MESSAGE_AUTH:
        return
      default:
        throw new ProtocolError('protocolViolation', `unknown message type ${type}`)
    }
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder) {
    const syncType = readVarUint(decoder)
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = readBytes(decoder)
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MESSAGE_SYNC)
      syncProtocol.writeSyncStep2(reply, this.doc, stateVector)
      this.send(connection, encoding.toUint8Array(reply))
      return
    }
    if (
      syncType !== syncProtocol.messageYjsSyncStep2 &&
      syncType !== syncProtocol.messageYjsUpdate
    ) {
      throw new ProtocolError('protocolViolation', `unknown sync message type ${syncType}`)
    }
    const update = readBytes(decoder)
    if (connection.readOnly) return
    assertWellFormedUpdate(update)
    try {
      Y.applyUpdate(this.doc, update, connection)
    } catch (error) {
      throw new ProtocolError('corruptUpdate', `update could not be applied: ${String(error)}`)
    }
  }

  private receiveAwareness(connection: Connection, decoder: decoding.Decoder) {
    const update = readBytes(decoder)
    try {
      const states = decodeAwarenessClients(update)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection)
      for (const { clientId, removed } of states) {
        if (removed) connection.awarenessIds.delete(clientId)
        else connection.awarenessIds.add(clientId)
      }
    } catch (error) {
      throw new ProtocolError('protocolViolation', `malformed awareness update: ${String(error)}`)
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    const from = this.isConnection(origin) ? origin : undefined
    this.pending.push({ update, from })
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(this.flush)
    }
  }

  private isConnection(origin: unknown): origin is Connection {
    return this.connections.has(origin as Connection)
  }

  /** Stores pending updates, then relays them. Also called before the room unloads. */
  flush = () => {
    this.flushScheduled = false
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    this.lastSeq = this.storage.appendUpdates(
      this.boardId,
      batch.map((p) => p.update),
    )
    this.updatesSinceCompaction += batch.length
    const merged =
      batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, merged)
    const message = encoding.toUint8Array(encoder)
    const onlyFrom = batch.every((p) => p.from === batch[0]!.from) ? batch[0]!.from : undefined
    for (const connection of this.connections) {
      if (connection !== onlyFrom) this.send(connection, message)
    }
    if (this.updatesSinceCompaction >= this.options.compactEveryUpdates) this.compact()
  }

  /** Drops updates that came from storage itself while loading. */
  discardPending() {
    this.pending = []
  }

  /** Folds the stored updates into one snapshot of the current doc. */
  compact() {
    this.flush()
    this.storage.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), this.lastSeq)
    this.updatesSinceCompaction = 0
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...added, ...updated, ...removed]
    const message = this.awarenessMessage(changed)
    for (const connection of this.connections) {
      if (connection !== origin) this.send(connection, message)
    }
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
    )
    return encoding.toUint8Array(encoder)
  }

  send(connection: Connection, message: Uint8Array) {
    if (connection.socket.readyState === WebSocket.OPEN) connection.socket.send(message)
  }

  close(code: number, reason: string) {
    for (const connection of this.connections) connection.socket.close(code, reason)
  }

  destroy() {
    this.flush()
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }
}

function readVarUint(decoder: decoding.Decoder): number {
  try {
    return decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError('protocolViolation', 'truncated message header')
  }
}

function readBytes(decoder: decoding.Decoder): Uint8Array {
  let bytes: Uint8Array
  try {
    bytes = decoding.readVarUint8Array(decoder)
  } catch {
    throw new ProtocolError('protocolViolation', 'truncated or overlong payload')
  }
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError('protocolViolation', 'trailing bytes after payload')
  }
  return bytes
}

/** Decodes an update fully before it touches the doc, so a corrupt one changes nothing. */
function assertWellFormedUpdate(update: Uint8Array) {
  try {
    Y.decodeUpdate(update)
  } catch (error) {
    throw new ProtocolError('corruptUpdate', `malformed Yjs update: ${String(error)}`)
  }
}

function decodeAwarenessClients(update: Uint8Array) {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const clients: { clientId: number; removed: boolean }[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    const state = JSON.parse(decoding.readVarString(decoder)) as unknown
    clients.push({ clientId, removed: state === null })
  }
  return clients
}
