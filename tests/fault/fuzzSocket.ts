import { WebSocket } from 'ws'
import * as decoding from 'lib0/decoding'
import { awarenessFrame } from './fuzzFrames'

const MESSAGE_AWARENESS = 1

/** What the server did with one frame: kept the connection, or closed it with a code. */
export type Outcome = { kept: true } | { kept: false; code: number }

/** The clock the server relayed for `clientId` in one awareness message, if it names it. */
function relayedClock(data: Buffer, clientId: number): number | undefined {
  try {
    const decoder = decoding.createDecoder(data)
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return undefined
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    let clock: number | undefined
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      const id = decoding.readVarUint(update)
      const itsClock = decoding.readVarUint(update)
      decoding.readVarString(update)
      if (id === clientId) clock = itsClock
    }
    return clock
  } catch {
    return undefined
  }
}

/**
 * A raw socket that sends frames followed by a probe: a presence of its own whose clock goes
 * up by one each time. The server handles a socket's frames in order and relays every newer
 * presence to the whole room, the sender included, so the probe coming back (or the close)
 * proves the frames before it were handled. Repeated sync step 1 would not do: the server
 * answers those at most once per interval. Needs a room of its own: peers only add noise.
 */
export class FuzzSocket {
  private readonly probeId = 0x10000000 + Math.floor(Math.random() * 0x0fffffff)
  private probeClock = 0
  private relayedProbeClock = 0
  private closeCode: number | undefined
  private wake: (() => void) | undefined

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const clock = relayedClock(data, this.probeId)
      if (clock !== undefined) this.relayedProbeClock = Math.max(this.relayedProbeClock, clock)
      this.wake?.()
    })
    socket.on('close', (code) => {
      this.closeCode = code
      this.wake?.()
    })
    socket.on('error', () => undefined)
  }

  static open(url: string): Promise<FuzzSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url)
      socket.once('open', () => resolve(new FuzzSocket(socket)))
      socket.once('unexpected-response', () => reject(new Error('upgrade refused')))
      socket.once('error', reject)
    })
  }

  exchange(frame: Uint8Array): Promise<Outcome> {
    return this.exchangeMany([frame])
  }

  /** Sends `frames` and one probe; resolves once the server handled them all or closed. */
  async exchangeMany(frames: Uint8Array[], timeoutMs = 30_000): Promise<Outcome> {
    const target = ++this.probeClock
    for (const frame of frames) this.socket.send(frame)
    this.socket.send(awarenessFrame(this.probeId, { probe: target }, target))
    const started = Date.now()
    while (this.relayedProbeClock < target && this.closeCode === undefined) {
      if (Date.now() - started > timeoutMs) throw new Error('server neither answered nor closed')
      await new Promise<void>((resolve) => {
        this.wake = resolve
        setTimeout(resolve, 200)
      })
    }
    this.wake = undefined
    return this.relayedProbeClock >= target
      ? { kept: true }
      : { kept: false, code: this.closeCode! }
  }

  close() {
    this.socket.terminate()
  }
}
