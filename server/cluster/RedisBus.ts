import { createClient } from 'redis'
import type { Logger } from '../logger'

type RedisClient = ReturnType<typeof createClient>

/** Channels are named by what they carry; the message version lives inside each message. */
export const channels = {
  room: (boardId: string) => `samskapa:room:${boardId}`,
  node: (nodeId: string) => `samskapa:node:${nodeId}`,
  all: 'samskapa:all',
}

/**
 * Redis pub/sub between nodes. It carries messages only: a message lost while Redis is down
 * or flushed is noticed by the receiver (seq gaps, heartbeats) and repaired from PostgreSQL,
 * so a failure here is logged and never thrown at the caller.
 */
export class RedisBus {
  private readonly publisher: RedisClient
  private readonly subscriber: RedisClient
  private readonly handlers = new Map<string, (message: Buffer) => void>()
  private lastErrorLog = 0
  private closed = false

  private constructor(
    url: string,
    private readonly log: Logger,
  ) {
    this.publisher = createClient({
      url,
      // Retry every ~second without end: Redis coming back must need no restart of ours.
      socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 1000) },
      // While Redis is away a publish fails at once instead of queueing stale presence.
      disableOfflineQueue: true,
    })
    this.subscriber = this.publisher.duplicate()
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => this.reportError(error))
    }
  }

  static async connect(url: string, log: Logger): Promise<RedisBus> {
    const bus = new RedisBus(url, log)
    await Promise.all([bus.publisher.connect(), bus.subscriber.connect()])
    return bus
  }

  /** Whether both connections are up (for the health check). */
  get ready(): boolean {
    return this.publisher.isReady && this.subscriber.isReady
  }

  async subscribe(channel: string, handler: (message: Buffer) => void): Promise<void> {
    if (this.handlers.has(channel)) {
      this.handlers.set(channel, handler)
      return
    }
    this.handlers.set(channel, handler)
    await this.subscriber
      .subscribe(channel, (message) => this.handlers.get(channel)?.(message), true)
      .catch((error: unknown) => this.reportError(error))
  }

  async unsubscribe(channel: string): Promise<void> {
    if (!this.handlers.delete(channel)) return
    await this.subscriber.unsubscribe(channel).catch((error: unknown) => this.reportError(error))
  }

  publish(channel: string, message: Uint8Array) {
    if (this.closed) return
    this.publisher
      .publish(channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength))
      .catch((error: unknown) => this.reportError(error))
  }

  async close() {
    this.closed = true
    await Promise.all(
      [this.publisher, this.subscriber].map((client) =>
        client.isOpen ? client.quit().catch(() => client.destroy()) : undefined,
      ),
    )
  }

  /** One line per few seconds: a Redis that is down would otherwise log at every publish. */
  private reportError(error: unknown) {
    if (this.closed) return
    const now = Date.now()
    if (now - this.lastErrorLog < 5000) return
    this.lastErrorLog = now
    this.log.warn({ reason: 'redisUnavailable', err: error }, 'Redis fan-out is interrupted')
  }
}
