import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../config'
import type { Accounts } from '../accounts/Accounts'
import type { AccessControl } from '../auth/AccessControl'
import type { Logger } from '../logger'
import type { SyncMetrics } from '../metrics'
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
  /** Sign-in with the municipality's OpenID provider; undefined when not set up. */
  accounts: Accounts | undefined
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
