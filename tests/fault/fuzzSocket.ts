import { WebSocket } from 'ws'
import { QUERY_AWARENESS } from './fuzzFrames'

const MESSAGE_AWARENESS = 1

/** What the server did with one frame: kept the connection, or closed it with a code. */
export type Outcome = { kept: true } | { kept: false; code: number }

/**
 * A raw socket that sends one frame at a time, each followed by a query for awareness. The
 * server handles a socket's frames in order, so the query's answer (or the close) proves the
 * frame was handled. Needs a room of its own: a peer's relayed awareness would look like an
 * answer.
 */
export class FuzzSocket {
  private answers = 0
  private closeCode: number | undefined
  private wake: (() => void) | undefined

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      if (data[0] === MESSAGE_AWARENESS) this.answers++
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

  /** Sends `frames` and one query; resolves once the server handled them all or closed. */
  async exchangeMany(frames: Uint8Array[], timeoutMs = 30_000): Promise<Outcome> {
    // A fuzzed query for awareness is answered too, so it adds an answer to wait for.
    const queries = frames.filter((frame) => frame[0] === QUERY_AWARENESS[0]).length
    const target = this.answers + queries + 1
    for (const frame of frames) this.socket.send(frame)
    this.socket.send(QUERY_AWARENESS)
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
