import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BoardReader } from '../boards/BoardReader'
import type { Config } from '../config'
import type { Accounts } from '../accounts/Accounts'
import type { Cluster } from '../cluster/Cluster'
import type { AccessControl } from '../auth/AccessControl'
import type { Logger } from '../logger'
import type { SyncMetrics } from '../metrics'
import type { Day } from '../day/Day'
import type { LiveChannel } from '../day/LiveChannel'
import type { Storage } from '../storage/Storage'
import type { StorageHealth } from '../storage/StorageHealth'
import type { ClusterSuggestionService } from '../similarity/ClusterSuggestionService'
import type { SynthesisService } from '../workshops/gather/SynthesisService'
import type { RoomRegistry } from '../sync/RoomRegistry'
import type { SyncEndpoint } from '../sync/syncEndpoint'
import type { RequestLimits } from './RequestLimits'

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
  /** Reads boards without loading their rooms. */
  reads: BoardReader
  /** Synthesis and gathering, planned off the event loop. */
  synthesis: SynthesisService
  /** Föreslå kluster with the municipality's similarity model, off the event loop. */
  clusterSuggestions: ClusterSuggestionService
  /** Whether storage takes writes, for /healthz. */
  health: StorageHealth
  limits: RequestLimits
  /** Sign-in with the municipality's OpenID provider; undefined when not set up. */
  accounts: Accounts | undefined
  /** The other nodes sharing the boards (REDIS_URL); undefined when this node is alone. */
  cluster: Cluster | undefined
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
