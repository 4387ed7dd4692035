import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../config'
import type { AccessControl } from '../auth/AccessControl'
import type { Logger } from '../logger'
import type { SyncMetrics } from '../metrics'
import type { Day } from '../day/Day'
import type { LiveChannel } from '../day/LiveChannel'
import type { Storage } from '../storage/Storage'
import type { RoomRegistry } from '../sync/RoomRegistry'
import type { SyncEndpoint } from '../sync/syncEndpoint'

/** What every route handler may use. */
export interface ServerContext {
  config: Config
  storage: Storage
  rooms: RoomRegistry
  sync: SyncEndpoint
  access: AccessControl
  log: Logger
  metrics: SyncMetrics
  /** The day's state of each workshop (agenda, timer, votes …) and its named moments. */
  day: Day
  live: LiveChannel
}

export interface RouteRequest {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** Capture groups of the route's pattern, URI-decoded. */
  params: string[]
  context: ServerContext
}

/** One HTTP endpoint: a method, a path pattern and a handler that writes the response. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  pattern: RegExp
  handle(request: RouteRequest): Promise<void> | void
}
