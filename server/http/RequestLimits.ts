import type { IncomingMessage } from 'node:http'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { clientAddress } from './clientAddress'
import { HttpError } from './respond'

export interface RequestLimitOptions {
  /** Boards and workshops one address may create per minute. */
  createsPerMinute: number
  /** Joins (new participants) one address may make per minute. */
  joinsPerMinute: number
  /** Sign-in starts and returns one address may make per minute. */
  signInsPerMinute: number
  trustProxy: boolean
}

/**
 * Cluster suggestions one address may ask for per minute: a class behind one NAT pressing
 * Föreslå kluster now and then fits; a script looping on the model does not.
 */
export const SUGGESTIONS_PER_MINUTE = 60

/**
 * Ballots (a vote or taking one back) one participant may send per minute: clicking through
 * the highest budget (20) and changing one's mind a few times fits easily; a script hammering
 * the tally, which every page of the workshop hears about, does not.
 */
export const BALLOTS_PER_MINUTE = 120

/** Times one participant may raise or lower their hand per minute (each one reaches every page). */
export const HAND_CHANGES_PER_MINUTE = 20

/**
 * Copies of an earlier epoch one writer may hand in per board per minute (POST …/rescue). A
 * browser hands in its copy once per rebuild, in up to 3 rounds if it changed meanwhile, and
 * retries every 10 s while the server cannot take it; each rescue decodes the epoch's base on
 * the event loop (about a second for a full board), so a loop sending copies must stop here.
 * A writer without a participant key (a standalone board's link) is counted by address.
 */
export const RESCUES_PER_MINUTE = 10

/**
 * Rescues the server works on at once: each holds its copy and the epoch's base (up to
 * MAX_DOC_BYTES each) until its turn on the event loop, so a whole class handing in at once
 * must wait its turn (503, retried) instead of piling up in memory.
 */
export const RESCUES_IN_FLIGHT = 4

/** What a participant may do at a limited rate, counted per participant (not per address). */
export type ParticipantAction = 'ballot' | 'hand'

/**
 * Per-address rate limits on the calls that create something stored (boards, workshops and
 * participants) or that make the server call the OpenID provider (sign-in). A school behind one NAT address shares the budget, so the defaults allow a
 * whole class joining at once, not a script creating thousands.
 */
export class RequestLimits {
  private readonly creates: RateLimiterMemory
  private readonly joins: RateLimiterMemory
  private readonly signIns: RateLimiterMemory
  private readonly suggestions: RateLimiterMemory
  private readonly participantActions: Record<ParticipantAction, RateLimiterMemory>
  private readonly rescues: RateLimiterMemory
  private rescuesInFlight = 0

  constructor(private readonly options: RequestLimitOptions) {
    this.creates = new RateLimiterMemory({
      keyPrefix: 'creates',
      points: options.createsPerMinute,
      duration: 60,
    })
    this.joins = new RateLimiterMemory({
      keyPrefix: 'joins',
      points: options.joinsPerMinute,
      duration: 60,
    })
    this.signIns = new RateLimiterMemory({
      keyPrefix: 'sign-ins',
      points: options.signInsPerMinute,
      duration: 60,
    })
    this.suggestions = new RateLimiterMemory({
      keyPrefix: 'suggestions',
      points: SUGGESTIONS_PER_MINUTE,
      duration: 60,
    })
    this.participantActions = {
      ballot: new RateLimiterMemory({
        keyPrefix: 'ballots',
        points: BALLOTS_PER_MINUTE,
        duration: 60,
      }),
      hand: new RateLimiterMemory({
        keyPrefix: 'hands',
        points: HAND_CHANGES_PER_MINUTE,
        duration: 60,
      }),
    }
    this.rescues = new RateLimiterMemory({
      keyPrefix: 'rescues',
      points: RESCUES_PER_MINUTE,
      duration: 60,
    })
  }

  /**
   * Counts one `action` of a participant. Undefined while within the limit, else the seconds
   * until the next one is allowed. Keyed by the participant, so a class behind one NAT address
   * never shares a budget, and one person cannot spend the others'.
   */
  async participantAction(
    action: ParticipantAction,
    workshopId: string,
    participantId: string,
  ): Promise<number | undefined> {
    return secondsUntilAllowed(this.participantActions[action], `${workshopId}:${participantId}`)
  }

  /**
   * Counts one rescue on `boardId` by the writer (the participant, else the caller's
   * address). Undefined while within RESCUES_PER_MINUTE, else the seconds until the next.
   */
  rescue(
    req: IncomingMessage,
    boardId: string,
    participantId: string | undefined,
  ): Promise<number | undefined> {
    const writer = participantId ?? `address:${clientAddress(req, this.options.trustProxy)}`
    return secondsUntilAllowed(this.rescues, `${boardId}:${writer}`)
  }

  /**
   * Takes one of the RESCUES_IN_FLIGHT places, or undefined when all are taken. The caller
   * gives it back by calling what it returns, once, when its rescue is answered.
   */
  rescueSlot(): (() => void) | undefined {
    if (this.rescuesInFlight >= RESCUES_IN_FLIGHT) return undefined
    this.rescuesInFlight++
    let released = false
    return () => {
      if (released) return
      released = true
      this.rescuesInFlight--
    }
  }

  /** Throws 429 when the caller's address created too much this minute. */
  creation(req: IncomingMessage): Promise<void> {
    return this.consume(this.creates, req, 'too many boards or workshops created; wait a minute')
  }

  /** Throws 429 when the caller's address joined too many participants this minute. */
  join(req: IncomingMessage): Promise<void> {
    return this.consume(this.joins, req, 'too many joins from this address; wait a minute')
  }

  /**
   * Throws 429 when the caller's address started or finished too many sign-ins this minute:
   * each one makes the server call the provider, so a loop must not turn us into its flood.
   */
  signIn(req: IncomingMessage): Promise<void> {
    return this.consume(this.signIns, req, 'too many sign-ins from this address; wait a minute')
  }

  /** Throws 429 when the caller's address asked for cluster suggestions too often this minute. */
  suggestion(req: IncomingMessage): Promise<void> {
    return this.consume(this.suggestions, req, 'too many cluster suggestions; wait a minute')
  }

  private async consume(limiter: RateLimiterMemory, req: IncomingMessage, message: string) {
    try {
      await limiter.consume(clientAddress(req, this.options.trustProxy))
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      throw new HttpError(429, 'rateLimited', message)
    }
  }
}

/** Counts one use of `key`: undefined while within the limit, else seconds until the next. */
async function secondsUntilAllowed(
  limiter: RateLimiterMemory,
  key: string,
): Promise<number | undefined> {
  try {
    await limiter.consume(key)
    return undefined
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
  }
}
