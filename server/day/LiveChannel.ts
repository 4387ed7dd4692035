import type { ServerResponse } from 'node:http'
import type {
  AttentionEvent,
  Role,
  WorkshopDay,
  WorkshopLiveState,
} from '../../shared/workshopContracts'
import type { Logger } from '../logger'
import type { Storage } from '../storage/Storage'
import type { Day } from './Day'
import { remainingByPolarity } from '../../shared/day/votes'
import { dayView } from './dayView'
import type { ItemText } from './itemText'
import { givenBallots } from './votes'
import { KeyedSerial } from '../storage/KeyedSerial'

interface Stream {
  res: ServerResponse
  role: Role
  participantId: string | undefined
}

export interface LiveChannelOptions {
  /** Open streams per workshop; a plenary of 150 with phones and the room screen fits well. */
  maxStreamsPerWorkshop: number
  /** Changes within this window go out as one state event. */
  coalesceMs: number
  heartbeatMs: number
}

/** A stream that has this much unsent is too slow to follow the day; it is dropped. */
const MAX_BUFFERED_BYTES = 1024 * 1024

export class TooManyStreamsError extends Error {}

/**
 * The workshop's live channel: server-sent events over plain HTTP. Each page of a workshop
 * holds one stream and gets the whole day's state (as its role may see it) after every
 * change, plus one-off `attention` events. EventSource reconnects by itself, and every
 * reconnect starts with the full state, so nothing is missed while offline.
 */
export class LiveChannel {
  private readonly streams = new Map<string, Set<Stream>>()
  private readonly scheduled = new Map<string, ReturnType<typeof setTimeout>>()
  private readonly flushes = new KeyedSerial()
  private readonly heartbeat: ReturnType<typeof setInterval>

  constructor(
    private readonly day: Day,
    private readonly storage: Storage,
    private readonly textsFor: () => ItemText,
    private readonly log: Logger,
    private readonly options: LiveChannelOptions,
  ) {
    day.events.on('changed', (workshopId) => this.schedule(workshopId))
    day.events.on('attention', (workshopId, event) => this.broadcast(workshopId, event))
    this.heartbeat = setInterval(() => this.ping(), options.heartbeatMs)
    this.heartbeat.unref()
  }

  /** Starts a stream on `res`; it ends when the client goes away. */
  open(res: ServerResponse, workshopId: string, role: Role, participantId?: string) {
    const streams = this.streams.get(workshopId) ?? new Set<Stream>()
    if (streams.size >= this.options.maxStreamsPerWorkshop) {
      throw new TooManyStreamsError(`${streams.size} live streams already open`)
    }
    this.streams.set(workshopId, streams)
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    })
    res.write('retry: 2000\n\n')
    const stream: Stream = { res, role, participantId }
    streams.add(stream)
    res.on('close', () => {
      streams.delete(stream)
      if (streams.size === 0) this.streams.delete(workshopId)
    })
    void this.flushes.run(workshopId, () => this.sendState(workshopId, stream, new Map()))
  }

  /** Ends every stream of an erased workshop. */
  closeWorkshop(workshopId: string) {
    for (const stream of this.streams.get(workshopId) ?? []) stream.res.end()
    this.streams.delete(workshopId)
  }

  stop() {
    clearInterval(this.heartbeat)
    for (const timer of this.scheduled.values()) clearTimeout(timer)
    for (const streams of this.streams.values()) for (const stream of streams) stream.res.end()
    this.streams.clear()
  }

  private schedule(workshopId: string) {
    if (this.scheduled.has(workshopId) || !this.streams.has(workshopId)) return
    const timer = setTimeout(() => {
      this.scheduled.delete(workshopId)
      // One workshop's states go out in order: a slow read must not let an older one overtake.
      void this.flushes.run(workshopId, () => this.flush(workshopId))
    }, this.options.coalesceMs)
    this.scheduled.set(workshopId, timer)
  }

  private async flush(workshopId: string) {
    const views = new Map<Role, WorkshopDay>()
    for (const stream of [...(this.streams.get(workshopId) ?? [])]) {
      await this.sendState(workshopId, stream, views)
    }
  }

  private async sendState(workshopId: string, stream: Stream, views: Map<Role, WorkshopDay>) {
    try {
      this.send(stream, 'state', await this.stateFor(workshopId, stream, views))
    } catch (error) {
      this.log.error({ workshop: workshopId, err: error }, 'live state failed')
    }
  }

  private async stateFor(workshopId: string, stream: Stream, views: Map<Role, WorkshopDay>) {
    let view = views.get(stream.role)
    if (!view) {
      view = await dayView(this.day, workshopId, stream.role, this.storage, this.textsFor())
      views.set(stream.role, view)
    }
    const state: WorkshopLiveState = { day: view }
    if (stream.participantId) state.me = await this.me(workshopId, stream.participantId, view)
    return state
  }

  private async me(workshopId: string, participantId: string, view: WorkshopDay) {
    const person = await this.storage.getParticipant(workshopId, participantId)
    if (!person) return undefined
    const record = await this.day.get(workshopId)
    const vote = record.votes.find((candidate) => candidate.id === view.activeVoteId)
    let ballots = null
    if (vote) {
      const given = await givenBallots(this.storage, vote.id, participantId)
      const items: Record<string, number> = {}
      let used = 0
      for (const [itemId, ballot] of Object.entries(given)) {
        items[itemId] = ballot.votes
        used += ballot.votes
      }
      ballots = {
        voteId: vote.id,
        items,
        remaining: vote.votesPerPerson - used,
        remainingByPolarity: remainingByPolarity(given, vote.budgets ?? null),
      }
    }
    return {
      participantId: person.id,
      name: person.name,
      municipality: person.municipality,
      boardId: person.boardId,
      handRaised: record.hands.some((hand) => hand.participantId === participantId),
      ballots,
    }
  }

  private broadcast(workshopId: string, event: AttentionEvent) {
    for (const stream of this.streams.get(workshopId) ?? []) this.send(stream, 'attention', event)
  }

  private send(stream: Stream, event: string, data: unknown) {
    if (stream.res.writableLength > MAX_BUFFERED_BYTES) {
      stream.res.destroy()
      return
    }
    stream.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  private ping() {
    for (const streams of this.streams.values()) {
      for (const stream of streams) stream.res.write(': ping\n\n')
    }
  }
}
