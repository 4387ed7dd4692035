import net from 'node:net'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import type { RoomAddress, WireProtocol } from '../servers/serverProcess'
import {
  MESSAGE_SYNC,
  MESSAGE_AUTH,
  HOCUSPOCUS_SYNC_REPLY,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  AUTH_TOKEN,
  AUTH_AUTHENTICATED,
} from '../servers/wireProtocol'

export interface SyncMeasure {
  /** From opening the socket until the server's answer to our state vector arrived. */
  ms: number
  /** Every byte the server sent on the socket until then (handshake, presence, the doc). */
  bytesUntilSynced: number
  /**
   * What that took on the TCP connection: the HTTP upgrade answer and the frames as sent,
   * compressed when the client offered permessage-deflate and the server took it.
   */
  wireBytes: number
  /** The doc update in that answer (sync step 2). */
  update: Uint8Array
}

/** A socket that has done the initial sync with an empty doc; stays open until closed. */
export interface SyncedSocket extends SyncMeasure {
  send(update: Uint8Array): void
  close(): void
}

function frame(protocol: WireProtocol, docName: string, write: (e: encoding.Encoder) => void) {
  const encoder = encoding.createEncoder()
  if (protocol === 'hocuspocus') encoding.writeVarString(encoder, docName)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * Joins a room the way a new client with an empty doc does (Hocuspocus: authenticate first)
 * and counts what the server sends until it has answered with the doc. Nothing is applied.
 */
export function syncNewClient(
  address: RoomAddress,
  protocol: WireProtocol,
  { timeoutMs = 60_000, offerDeflate = false } = {},
): Promise<SyncedSocket> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    let tcp: net.Socket | undefined
    // ws's own connect (it passes the URL path as `path`), keeping the socket to count bytes.
    const connect = (options: net.NetConnectOpts & { socketPath?: string }) => {
      tcp = net.connect({ ...options, path: options.socketPath } as net.NetConnectOpts)
      return tcp
    }
    const socket = new WebSocket(address.url, {
      perMessageDeflate: offerDeflate,
      createConnection: connect as typeof net.createConnection,
    })
    socket.binaryType = 'nodebuffer'
    let bytes = 0
    let done = false
    const timer = setTimeout(() => {
      socket.terminate()
      reject(new Error(`no sync from ${address.url} within ${timeoutMs} ms`))
    }, timeoutMs)
    const send = (write: (e: encoding.Encoder) => void) =>
      socket.send(frame(protocol, address.docName, write))
    const sendStep1 = () =>
      send((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC)
        encoding.writeVarUint(e, SYNC_STEP1)
        encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
      })
    socket.on('open', () => {
      if (protocol === 'hocuspocus') {
        send((e) => {
          encoding.writeVarUint(e, MESSAGE_AUTH)
          encoding.writeVarUint(e, AUTH_TOKEN)
          encoding.writeVarString(e, '')
        })
      } else sendStep1()
    })
    socket.on('error', (error) => {
      clearTimeout(timer)
      if (!done) reject(error)
    })
    socket.on('message', (data: Buffer) => {
      if (done) return
      bytes += data.length
      const decoder = decoding.createDecoder(data)
      if (protocol === 'hocuspocus') decoding.readVarString(decoder)
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE_AUTH && decoding.readVarUint(decoder) === AUTH_AUTHENTICATED) {
        sendStep1()
        return
      }
      if (type !== MESSAGE_SYNC && type !== HOCUSPOCUS_SYNC_REPLY) return
      if (decoding.readVarUint(decoder) !== SYNC_STEP2) return
      done = true
      clearTimeout(timer)
      resolve({
        ms: performance.now() - started,
        bytesUntilSynced: bytes,
        wireBytes: tcp?.bytesRead ?? NaN,
        update: decoding.readVarUint8Array(decoder),
        send(update) {
          send((e) => {
            encoding.writeVarUint(e, MESSAGE_SYNC)
            encoding.writeVarUint(e, SYNC_UPDATE)
            encoding.writeVarUint8Array(e, update)
          })
        },
        close: () => socket.close(),
      })
    })
  })
}

/** Opens, syncs and closes: one new client's measure. */
export async function measureSync(
  address: RoomAddress,
  protocol: WireProtocol,
  offerDeflate = false,
) {
  const socket = await syncNewClient(address, protocol, { offerDeflate })
  socket.close()
  return {
    ms: socket.ms,
    bytesUntilSynced: socket.bytesUntilSynced,
    wireBytes: socket.wireBytes,
    update: socket.update,
  }
}
