import { WebSocket } from 'ws'
import { SYNC_PROBE } from './fuzzFrames'

/** A sync step 2: the server sends it only to answer a sync step 1. */
const isStep2 = (data: Buffer) => data[0] === 0 && data[1] === 1
const isStep1 = (frame: Uint8Array) => frame[0] === 0 && frame[1] === 0

/** What the server did with one frame: kept the connection, or closed it with a code. */
export type Outcome = { kept: true } | { kept: false; code: number }

/**
 * A raw socket that sends one frame at a time, each followed by a sync step 1. The
 * server handles a socket's frames in order, so its step 2 answer (or the close) proves the
 * frame was handled. Needs a room of its own: peers' messages would only add noise.
 */
export class FuzzSocket {
  private answers = 0
  private closeCode: number | undefined
  private wake: (() => void) | undefined

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      if (isStep2(data)) this.answers++
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
    // A fuzzed sync step 1 is answered too (or closes the connection), so it adds an answer.
    const target = this.answers + frames.filter(isStep1).length + 1
    for (const frame of frames) this.socket.send(frame)
    this.socket.send(SYNC_PROBE)
    const started = Date.now()
    while (this.answers < target && this.closeCode === undefined) {
      if (Date.now() - started > timeoutMs) throw new Error('server neither answered nor closed')
      await new Promise<void>((resolve) => {
        this.wake = resolve
        setTimeout(resolve, 200)
      })
    }
    this.wake = undefined
    return this.answers >= target ? { kept: true } : { kept: false, code: this.closeCode! }
  }

  close() {
    this.socket.terminate()
  }
}
