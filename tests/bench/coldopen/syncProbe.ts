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
  timeoutMs = 60_000,
): Promise<SyncedSocket> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const socket = new WebSocket(address.url, { perMessageDeflate: false })
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
export async function measureSync(address: RoomAddress, protocol: WireProtocol) {
  const socket = await syncNewClient(address, protocol)
  socket.close()
  return { ms: socket.ms, bytesUntilSynced: socket.bytesUntilSynced, update: socket.update }
}
