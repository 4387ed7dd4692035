import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket, type RawData } from 'ws'
import { CloseCode, type CloseReason } from '../../shared/closeCodes'
import { isValidBoardId } from '../../shared/board/boardId'
import type { AccessControl, Role } from '../auth/AccessControl'
import type { Logger } from '../logger'
import type { Storage } from '../storage/Storage'
import type { Connection } from './Connection'
import { ProtocolError } from './Room'
import { RoomLoadError, type RoomRegistry } from './RoomRegistry'

export const SYNC_PATH = '/sync/'

export interface SyncEndpointOptions {
  maxMessageBytes: number
  pingIntervalMs: number
}

type AliveSocket = WebSocket & { isAlive?: boolean }

/**
 * Accepts WebSocket connections at /sync/<boardId>, puts each into its board's room, and
 * closes a connection that breaks the protocol with a specific code, leaving the room and
 * every other connection untouched.
 */
export class SyncEndpoint {
  private readonly wss: WebSocketServer
  private readonly pingTimer: ReturnType<typeof setInterval>
  private readonly connections = new Set<Connection>()

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly storage: Storage,
    private readonly access: AccessControl,
    private readonly log: Logger,
    options: SyncEndpointOptions,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
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
    const boardId = decodeURIComponent(url.pathname.slice(SYNC_PATH.length))
    if (!isValidBoardId(boardId)) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      return true
    }
    // Decide before upgrading, so no frame can arrive while access is being checked.
    const decided = this.storage.getBoard(boardId)
      ? this.access.authorizeBoard(request, boardId)
      : Promise.resolve(undefined)
    decided.then(
      (decision) =>
        this.wss.handleUpgrade(request, socket, head, (ws) => {
          if (!decision) return this.reject(ws, boardId, 'boardNotFound', 'no such board')
          if (!decision.ok) return this.reject(ws, boardId, decision.reason, decision.message)
          this.accept(ws, boardId, request, decision.role, decision.credentialId)
        }),
      (error: unknown) => {
        this.log.error({ room: boardId, err: error }, 'access check failed')
        socket.destroy()
      },
    )
    return true
  }

  private accept(
    socket: AliveSocket,
    boardId: string,
    request: IncomingMessage,
    role: Role,
    credentialId: string | undefined,
  ) {
    const address = request.socket.remoteAddress ?? 'unknown'
    let room
    try {
      room = this.rooms.open(boardId)
    } catch (error) {
      if (!(error instanceof RoomLoadError)) throw error
      this.log.error({ room: boardId, reason: error.message }, 'room failed to load')
      return this.reject(socket, boardId, 'roomLoadFailed', 'board could not be loaded')
    }
    const connection: Connection = {
      socket,
      boardId,
      role,
      credentialId,
      readOnly: role === 'viewer',
      awarenessIds: new Set(),
      remoteAddress: address,
    }
    socket.isAlive = true
    socket.binaryType = 'nodebuffer'
    socket.on('pong', () => (socket.isAlive = true))
    this.connections.add(connection)
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (socket.readyState !== socket.OPEN) return
      if (!isBinary) {
        return this.closeFor(connection, boardId, 'protocolViolation', 'text frame')
      }
      try {
        room.receive(connection, toBytes(data))
      } catch (error) {
        if (!(error instanceof ProtocolError)) throw error
        this.closeFor(connection, boardId, error.reason, error.message)
      }
    })
    socket.on('error', (error: Error & { code?: string }) => {
      const reason: CloseReason =
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'messageTooBig' : 'protocolViolation'
      this.log.warn({ room: boardId, reason, detail: error.message, address }, 'connection closed')
    })
    socket.on('close', () => {
      this.connections.delete(connection)
      room.leave(connection)
      this.rooms.scheduleUnload(boardId)
    })
    room.join(connection)
  }

  private reject(socket: WebSocket, boardId: string, reason: CloseReason, message: string) {
    this.log.warn({ room: boardId, reason }, 'connection refused')
    socket.close(CloseCode[reason], message)
  }

  private closeFor(connection: Connection, boardId: string, reason: CloseReason, detail: string) {
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
  closeAll(code: number, reason: string) {
    clearInterval(this.pingTimer)
    for (const socket of this.wss.clients) socket.close(code, reason)
    this.wss.close()
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
