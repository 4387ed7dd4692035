import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { WebSocketServer, type WebSocket, type RawData } from 'ws'
import { CloseCode, type CloseReason } from '../../shared/closeCodes'
import { EPOCH_PARAM, parseClientEpoch } from '../../shared/board/boardEpoch'
import { isValidBoardId } from '../../shared/board/boardId'
import type { AccessControl } from '../auth/AccessControl'
import { clientAddress } from '../http/clientAddress'
import type { Logger } from '../logger'
import type { SyncMetrics } from '../metrics'
import { SYNC_COMPRESSION } from './compression'
import type { Storage } from '../storage/Storage'
import type { Connection } from './Connection'
import { ProtocolError, type Room } from './Room'
import { isOriginAllowed } from './originCheck'
import { RoomLimitError, RoomLoadError, type RoomRegistry } from './RoomRegistry'
import { identifyWriter, type WriterDecision } from '../auth/identifyWriter'

export const SYNC_PATH = '/sync/'

export interface SyncEndpointOptions {
  maxMessageBytes: number
  /** permessage-deflate (compression.ts) for clients that offer it. */
  compression: boolean
  pingIntervalMs: number
  maxConnectionsPerAddress: number
  maxMessagesPerSecond: number
  allowedOrigins: string[]
  publicUrl: string | undefined
  trustProxy: boolean
  /** Names this node's connections across nodes (`node/serial`). */
  nodeId: string
}

type AliveSocket = WebSocket & { isAlive?: boolean }

/** Frames of one connection waiting for the one before them; past this the socket pauses. */
const QUEUED_FRAMES_PAUSE = 16
const QUEUED_FRAMES_RESUME = 4

/** Who may connect, with the room they join; or why not. */
type ConnectDecision =
  | (Extract<WriterDecision, { ok: true }> & { room: Room })
  | { ok: false; reason: CloseReason; message: string }

/**
 * Accepts WebSocket connections at /sync/<boardId>, puts each into its board's room, and
 * closes a connection that breaks the protocol with a specific code, leaving the room and
 * every other connection untouched.
 */
export class SyncEndpoint {
  private readonly wss: WebSocketServer
  private readonly pingTimer: ReturnType<typeof setInterval>
  private readonly connections = new Set<Connection>()
  private readonly perAddress = new Map<string, number>()
  private readonly messageLimiter: RateLimiterMemory
  private connectionSerial = 0
  private stopping = false

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly storage: Storage,
    private readonly access: AccessControl,
    private readonly log: Logger,
    private readonly metrics: SyncMetrics,
    private readonly options: SyncEndpointOptions,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: options.compression ? SYNC_COMPRESSION : false,
    })
    // A burst of twice the rate is allowed: a reconnecting client sends its backlog at once.
    this.messageLimiter = new RateLimiterMemory({
      points: options.maxMessagesPerSecond * 2,
      duration: 2,
    })
    this.pingTimer = setInterval(() => this.pingAll(), options.pingIntervalMs)
    this.pingTimer.unref()
  }

  get connectionCount() {
    return this.wss.clients.size
  }

  /** Handles an HTTP upgrade; returns false if the path is not ours. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(SYNC_PATH)) return false
    if (this.stopping) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n')
      return true
    }
    const boardId = decodeURIComponent(url.pathname.slice(SYNC_PATH.length))
    if (!isValidBoardId(boardId)) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      return true
    }
    if (!isOriginAllowed(request, this.options.allowedOrigins, this.options.publicUrl)) {
      this.log.warn(
        { room: boardId, reason: 'originNotAllowed', origin: request.headers.origin },
        'connection refused',
      )
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return true
    }
    // Decide and load the room before upgrading, so no frame arrives before there is a room.
    this.decide(request, boardId).then(
      (decision) => {
        // If the client left before the upgrade, ws never calls back: the room must not stay.
        socket.once('close', () => this.rooms.scheduleUnload(boardId))
        this.wss.handleUpgrade(request, socket, head, (ws) => {
          if (!decision.ok) return this.reject(ws, boardId, decision.reason, decision.message)
          try {
            this.accept(ws, boardId, request, decision)
          } catch (error) {
            this.log.error({ room: boardId, reason: String(error) }, 'connection failed')
            ws.close(CloseCode.internalError, 'internalError')
          }
        })
      },
      (error: unknown) => {
        this.log.error({ room: boardId, err: error }, 'access check failed')
        socket.destroy()
      },
    )
    return true
  }

  /** Whether the board exists, who is asking, and the board's loaded room. */
  private async decide(request: IncomingMessage, boardId: string): Promise<ConnectDecision> {
    if (!(await this.storage.getBoard(boardId))) {
      return { ok: false, reason: 'boardNotFound', message: 'no such board' }
    }
    const writer = await identifyWriter(this.access, this.storage, request, boardId)
    if (!writer.ok) return writer
    try {
      return { ...writer, room: await this.rooms.open(boardId) }
    } catch (error) {
      if (error instanceof RoomLimitError) {
        return { ok: false, reason: 'roomLimitReached', message: error.message }
      }
      // Any other failure is a load failure too: one board that cannot load ends only itself.
      const reason = error instanceof RoomLoadError ? error.message : String(error)
      this.log.error({ room: boardId, reason }, 'room failed to load')
      // A database that is away (restarting) is worth another try; a corrupt board is not.
      if (error instanceof RoomLoadError && error.transient) {
        return { ok: false, reason: 'storageFailed', message: 'storage unavailable' }
      }
      return { ok: false, reason: 'roomLoadFailed', message: 'board could not be loaded' }
    }
  }

  private accept(
    socket: AliveSocket,
    boardId: string,
    request: IncomingMessage,
    writer: ConnectDecision & { ok: true },
  ) {
    const room = writer.room
    const address = clientAddress(request, this.options.trustProxy)
    if ((this.perAddress.get(address) ?? 0) >= this.options.maxConnectionsPerAddress) {
      return this.reject(
        socket,
        boardId,
        'tooManyConnections',
        'too many connections from one address',
      )
    }
    // The room was dropped (erased, or its storage failed) while access was being checked.
    if (this.rooms.get(boardId) !== room) {
      return this.reject(socket, boardId, 'roomLoadFailed', 'board could not be loaded')
    }
    // A copy of another epoch shares no items with this doc: merged, it would bring back old
    // values. The client hands in its offline edits over REST instead (shared/board/boardEpoch).
    const url = new URL(request.url ?? '/', 'http://localhost')
    const copyEpoch = parseClientEpoch(url.searchParams.get(EPOCH_PARAM))
    if (copyEpoch === undefined)
      return this.reject(socket, boardId, 'badRequest', 'malformed epoch')
    if (copyEpoch !== 'none' && copyEpoch !== room.epoch) {
      const detail = `board is at epoch ${room.epoch}, the client's copy at ${copyEpoch}`
      return this.reject(socket, boardId, 'epochChanged', detail)
    }
    const serial = ++this.connectionSerial
    const connection: Connection = {
      socket,
      boardId,
      role: writer.role,
      credentialId: writer.credentialId,
      participantId: writer.participantId,
      readOnly: writer.role === 'viewer',
      awarenessIds: new Set(),
      announcedIds: new Set(),
      repeats: { answeredAt: {} },
      remoteAddress: address,
      origin: `${this.options.nodeId}/${serial}`,
    }
    connection.refuse = (reason, detail) => this.closeFor(connection, boardId, reason, detail)
    socket.isAlive = true
    socket.binaryType = 'nodebuffer'
    socket.on('pong', () => (socket.isAlive = true))
    this.connections.add(connection)
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1)
    this.metrics.connections.set(this.connections.size)
    const limiterKey = `${address}:${serial}`
    // One connection's frames are handled one after another, each after the one before it.
    // A client sending faster than storage answers is paused (TCP backpressure), so frames
    // never pile up in memory: at most QUEUED_FRAMES_PAUSE wait, each at most maxMessageBytes.
    let handling = Promise.resolve()
    let queued = 0
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (socket.readyState !== socket.OPEN) return
      const bytes = toBytes(data)
      this.metrics.messagesIn.inc()
      this.metrics.bytesIn.inc(bytes.byteLength)
      if (!isBinary) {
        return this.closeFor(connection, boardId, 'protocolViolation', 'text frame')
      }
      this.messageLimiter.consume(limiterKey).catch(() => {
        this.closeFor(connection, boardId, 'rateLimited', 'too many messages')
      })
      if (++queued >= QUEUED_FRAMES_PAUSE) socket.pause()
      handling = handling
        .then(() => this.handleFrame(room, connection, bytes))
        .finally(() => {
          if (--queued <= QUEUED_FRAMES_RESUME && socket.isPaused) socket.resume()
        })
    })
    socket.on('error', (error: Error & { code?: string }) => {
      const reason: CloseReason =
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'messageTooBig' : 'protocolViolation'
      this.metrics.closes.inc({ reason })
      this.log.warn({ room: boardId, reason, detail: error.message, address }, 'connection closed')
    })
    socket.on('close', () => {
      this.connections.delete(connection)
      const remaining = (this.perAddress.get(address) ?? 1) - 1
      if (remaining > 0) this.perAddress.set(address, remaining)
      else this.perAddress.delete(address)
      this.metrics.connections.set(this.connections.size)
      void this.messageLimiter.delete(limiterKey)
      room.leave(connection)
      this.rooms.scheduleUnload(boardId)
    })
    room.join(connection)
  }

  /** Never rejects: no message may fail past its connection. */
  private async handleFrame(room: Room, connection: Connection, bytes: Uint8Array) {
    const boardId = connection.boardId
    // A frame queued behind one that broke a rule is dropped with it. A client that closed
    // by itself still gets what it sent before closing stored (its last edit before leaving).
    if (connection.closedByServer) return
    try {
      await room.receive(connection, bytes)
    } catch (error) {
      if (error instanceof ProtocolError) {
        this.closeFor(connection, boardId, error.reason, error.message)
      } else {
        this.log.error({ room: boardId, reason: String(error) }, 'message handling failed')
        this.closeFor(connection, boardId, 'internalError', String(error))
      }
    }
  }

  private reject(socket: WebSocket, boardId: string, reason: CloseReason, message: string) {
    this.metrics.closes.inc({ reason })
    this.log.warn({ room: boardId, reason }, 'connection refused')
    socket.close(CloseCode[reason], message)
  }

  private closeFor(connection: Connection, boardId: string, reason: CloseReason, detail: string) {
    if (connection.socket.readyState !== connection.socket.OPEN) return
    connection.closedByServer = true
    this.metrics.closes.inc({ reason })
    this.log.warn(
      { room: boardId, reason, detail, address: connection.remoteAddress },
      'connection closed',
    )
    connection.socket.close(CloseCode[reason], reason)
  }

  /** Closes every open connection matching `predicate`, e.g. those of a rotated token. */
  closeWhere(predicate: (connection: Connection) => boolean, reason: CloseReason) {
    for (const connection of this.connections) {
      if (predicate(connection))
        this.closeFor(connection, connection.boardId, reason, 'closed by server')
    }
  }

  private pingAll() {
    for (const socket of this.wss.clients as Set<AliveSocket>) {
      if (socket.isAlive === false) {
        socket.terminate()
        continue
      }
      socket.isAlive = false
      socket.ping()
    }
  }

  /** Closes every socket with `code` (1012 on restart, so clients reconnect). */
  async closeAll(code: number, reason: string, waitMs = 1000) {
    this.stopping = true
    clearInterval(this.pingTimer)
    const sockets = [...this.wss.clients]
    const closed = sockets.map(
      (socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())),
    )
    for (const socket of sockets) socket.close(code, reason)
    // Clients answer the close frame at once; one that does not is not waited for.
    await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, waitMs))])
    for (const socket of this.wss.clients) socket.terminate()
    this.wss.close()
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
