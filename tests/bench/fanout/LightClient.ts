import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { recordsMap, writeRecords } from '../../../shared/board/boardDoc'
import { noteShape } from '../../../shared/board/shapeRecords'
import type { RoomAddress, WireProtocol } from '../servers/serverProcess'
import {
  MESSAGE_SYNC,
  MESSAGE_AWARENESS,
  MESSAGE_AUTH,
  HOCUSPOCUS_SYNC_REPLY,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  AUTH_TOKEN,
  AUTH_AUTHENTICATED,
} from '../servers/wireProtocol'

export type MessageKind = 'edit' | 'cursor'

/**
 * Each edit and cursor move carries an ASCII marker, `~B<kind><sender>.<seq>.<sentMs>~`,
 * inside the Yjs update (as a map value) or the awareness state (as a JSON string). Both
 * encodings keep strings verbatim, so a receiver finds markers with a byte search instead
 * of decoding or applying anything: even when a server merges several updates into one
 * message, every marker in it is found.
 */
const MARKER_START = Buffer.from('~B')
const MARKER_END = 0x7e

export interface Receipt {
  kind: MessageKind
  sender: number
  seq: number
  sentMs: number
}

export interface ClientListener {
  onReceipt(receiver: number, receipt: Receipt, arrivedMs: number): void
  onBytes(bytes: number): void
  /** The socket closed before `close()` was called (e.g. the server dropped it). */
  onUnexpectedClose?(client: number, code: number, reason: string): void
}

/**
 * A simulated participant that moves one note and one cursor. It keeps a private Y.Doc
 * holding only its own note (a complete, valid tldraw note, as our server's update gate
 * checks every record; the marker rides in the note's `meta`), which is enough to produce valid updates (they depend only on
 * its own earlier items), and never applies anyone else's updates: receiving costs one byte
 * search per message, so the load generator stays far cheaper than the servers it loads.
 */
export class LightClient {
  private readonly doc = new Y.Doc()
  private readonly note: Y.Map<unknown>
  private readonly meta: Y.Map<unknown>
  private closing = false
  private socket: WebSocket | undefined
  private awarenessClock = 0
  private editSeq = 0
  private cursorSeq = 0
  private lastUpdate: Uint8Array | undefined
  private readonly prefix: Uint8Array

  constructor(
    readonly index: number,
    private readonly address: RoomAddress,
    private readonly protocol: WireProtocol,
    private readonly listener: ClientListener,
    /** Offer permessage-deflate, as browsers do; off by default to measure the relay alone. */
    private readonly offerDeflate = false,
  ) {
    const prefix = encoding.createEncoder()
    if (protocol === 'hocuspocus') encoding.writeVarString(prefix, address.docName)
    this.prefix = encoding.toUint8Array(prefix)
    this.doc.on('update', (update: Uint8Array) => (this.lastUpdate = update))
    const id = `shape:bench${index}`
    writeRecords(this.doc, [
      noteShape({ id, x: 0, y: 0, index: 'a1' }, { text: '', color: 'yellow' }),
    ])
    this.note = recordsMap(this.doc).get(id)!
    this.meta = this.note.get('meta') as Y.Map<unknown>
  }

  /** Opens the socket and resolves once the server has answered the initial sync. */
  connect(timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.address.url, { perMessageDeflate: this.offerDeflate })
      socket.binaryType = 'nodebuffer'
      this.socket = socket
      let synced = false
      const timer = setTimeout(() => reject(new Error(`client ${this.index}: no sync`)), timeoutMs)
      const markSynced = () => {
        if (synced) return
        synced = true
        clearTimeout(timer)
        // Our note's creation goes up once, before any timed edit.
        this.sendUpdate(Y.encodeStateAsUpdate(this.doc))
        resolve()
      }
      socket.on('open', () => {
        if (this.protocol === 'hocuspocus') this.sendAuth()
        else this.sendSyncStep1()
      })
      socket.on('close', (code, reason) => {
        if (!this.closing) this.listener.onUnexpectedClose?.(this.index, code, reason.toString())
      })
      socket.on('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
      socket.on('message', (data: Buffer) => {
        this.listener.onBytes(data.length)
        if (!synced && this.handleHandshake(data)) markSynced()
        this.scanMarkers(data)
      })
    })
  }

  /** Returns true when `data` completes the initial sync. */
  private handleHandshake(data: Buffer): boolean {
    const decoder = decoding.createDecoder(data)
    if (this.protocol === 'hocuspocus') decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_AUTH && decoding.readVarUint(decoder) === AUTH_AUTHENTICATED) {
      this.sendSyncStep1()
      return false
    }
    if (type !== MESSAGE_SYNC && type !== HOCUSPOCUS_SYNC_REPLY) return false
    return decoding.readVarUint(decoder) === SYNC_STEP2
  }

  private scanMarkers(data: Buffer) {
    let at = data.indexOf(MARKER_START)
    while (at !== -1) {
      const end = data.indexOf(MARKER_END, at + 2)
      if (end === -1) return
      const receipt = parseMarker(data.toString('latin1', at + 2, end))
      if (receipt && receipt.sender !== this.index) {
        this.listener.onReceipt(this.index, receipt, performance.now())
      }
      at = data.indexOf(MARKER_START, end + 1)
    }
  }

  /** Moves the note: one small update setting x, y and the marker. Returns the send time. */
  sendEdit(x: number, y: number): { seq: number; sentMs: number } {
    const seq = ++this.editSeq
    const sentMs = markerTime()
    this.doc.transact(() => {
      this.note.set('x', x)
      this.note.set('y', y)
      this.meta.set('b', marker('e', this.index, seq, sentMs))
    })
    this.sendUpdate(this.lastUpdate!)
    return { seq, sentMs }
  }

  /** Moves the cursor: one awareness update. Returns the send time. */
  sendCursor(x: number, y: number): { seq: number; sentMs: number } {
    const seq = ++this.cursorSeq
    const sentMs = markerTime()
    const state = JSON.stringify({ cursor: { x, y }, b: marker('c', this.index, seq, sentMs) })
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, this.doc.clientID)
    encoding.writeVarUint(update, ++this.awarenessClock)
    encoding.writeVarString(update, state)
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
    })
    return { seq, sentMs }
  }

  /** Bytes queued in the socket but not yet written: a growing value means backpressure. */
  get bufferedAmount() {
    return this.socket?.bufferedAmount ?? 0
  }

  close() {
    this.closing = true
    this.socket?.close()
    this.doc.destroy()
  }

  private sendAuth() {
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AUTH)
      encoding.writeVarUint(encoder, AUTH_TOKEN)
      encoding.writeVarString(encoder, '')
    })
  }

  private sendSyncStep1() {
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      encoding.writeVarUint(encoder, SYNC_STEP1)
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
    })
  }

  private sendUpdate(update: Uint8Array) {
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      encoding.writeVarUint(encoder, SYNC_UPDATE)
      encoding.writeVarUint8Array(encoder, update)
    })
  }

  private send(write: (encoder: encoding.Encoder) => void) {
    if (this.socket?.readyState !== WebSocket.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeUint8Array(encoder, this.prefix)
    write(encoder)
    this.socket.send(encoding.toUint8Array(encoder))
  }
}

/**
 * The send time as the marker carries it (to the microsecond). The sender counts a message in
 * the window by this same value, so a message sent at the window's edge is counted by both
 * sides or by neither: rounded differently, it was counted sent but its receipts dropped, and
 * showed up as one message lost for every peer.
 */
function markerTime(): number {
  return Number(performance.now().toFixed(3))
}

function marker(kind: 'e' | 'c', sender: number, seq: number, sentMs: number) {
  return `~B${kind}${sender}.${seq}.${sentMs.toFixed(3)}~`
}

function parseMarker(text: string): Receipt | undefined {
  const kind = text[0] === 'e' ? 'edit' : text[0] === 'c' ? 'cursor' : undefined
  const match = /^(\d+)\.(\d+)\.(\d+\.\d+)$/.exec(text.slice(1))
  if (!kind || !match) return undefined
  return { kind, sender: Number(match[1]), seq: Number(match[2]), sentMs: Number(match[3]) }
}
