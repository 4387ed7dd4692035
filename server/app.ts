import http from 'node:http'
import path from 'node:path'
import type { DestinationStream } from 'pino'
import { fileURLToPath } from 'node:url'
import { CloseCode } from '../shared/closeCodes'
import { Accounts } from './accounts/Accounts'
import { SignedInAccess } from './accounts/SignedInAccess'
import type { AccessControl } from './auth/AccessControl'
import { FailureLimiter } from './auth/FailureLimiter'
import { TokenAccess } from './auth/TokenAccess'
import { BoardReader } from './boards/BoardReader'
import type { Config } from './config'
import { createApi } from './http/api'
import { RequestLimits } from './http/RequestLimits'
import { HttpError, sendError } from './http/respond'
import { storageFailed } from './http/storageErrors'
import { setSecurityHeaders } from './http/securityHeaders'
import { createStaticHandler } from './http/staticFiles'
import { createLogger, type Logger } from './logger'
import { createMetrics } from './metrics'
import { openStores } from './storage/openStores'
import { ClusterSuggestionService } from './similarity/ClusterSuggestionService'
import { GatherWorker } from './workshops/gather/GatherWorker'
import { SynthesisService } from './workshops/gather/SynthesisService'
import { isStorageFailure, StorageHealth } from './storage/StorageHealth'
import type { Storage } from './storage/Storage'
import { RoomRegistry } from './sync/RoomRegistry'
import { SyncEndpoint } from './sync/syncEndpoint'
import { Day } from './day/Day'
import { DayEvents } from './day/DayEvents'
import { itemTexts } from './day/itemText'
import { LiveChannel } from './day/LiveChannel'
import type { ServerContext } from './http/Route'
import { joinCluster } from './cluster/joinCluster'

export const CLIENT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../dist/client',
)

export interface SamskapaServer {
  server: http.Server
  storage: Storage
  rooms: RoomRegistry
  log: Logger
  /** The day's state and its named moments (`day.events.on('stepChanged', …)`). */
  day: Day
  /** The address actually listened on (PORT=0 picks a free port). */
  url: string
  /** Stores everything, closes sockets with 1012 so clients reconnect, and stops. */
  stop(): Promise<void>
}

/** Wires storage, rooms, the sync endpoint and HTTP into one server and starts listening. */
export async function startServer(
  config: Config,
  clientDir = CLIENT_DIR,
  logDestination?: DestinationStream,
): Promise<SamskapaServer> {
  const log = createLogger(config.logLevel, logDestination)
  const { storage, accountStore, engine, postgres } = await openStores(config)
  const health = new StorageHealth()
  const metrics = createMetrics()
  const rooms = new RoomRegistry(
    storage,
    log,
    {
      graceMs: config.roomGraceMs,
      maxRooms: config.maxRooms,
      compactEveryUpdates: config.compactEveryUpdates,
      rebuildRatio: config.rebuildRatio,
      awarenessIntervalMs: config.awarenessIntervalMs,
      presenceBatchAbove: config.presenceBatchAbove,
      maxDocBytes: config.maxDocBytes,
      maxRecords: config.maxRecordsPerBoard,
      maxBufferedBytes: config.maxBufferedBytes,
    },
    metrics,
    health,
  )
  const tokenAccess: AccessControl = new TokenAccess(
    storage,
    new FailureLimiter({
      failures: config.authFailureLimit,
      windowSeconds: config.authFailureWindowSeconds,
    }),
    config.adminToken,
    config.trustProxy,
  )
  const accounts = config.oidc && accountStore ? Accounts.open(config, accountStore) : undefined
  const access = accounts ? new SignedInAccess(tokenAccess, accounts, storage) : tokenAccess
  const sync = new SyncEndpoint(rooms, storage, access, log, metrics, {
    maxMessageBytes: config.maxMessageBytes,
    compression: config.syncCompression,
    pingIntervalMs: config.pingIntervalMs,
    maxConnectionsPerAddress: config.maxConnectionsPerAddress,
    maxMessagesPerSecond: config.maxMessagesPerSecond,
    allowedOrigins: config.allowedOrigins,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    nodeId: config.nodeId,
  })
  const reads = new BoardReader(storage, rooms)
  const gatherWorker = new GatherWorker({
    timeoutMs: config.gatherTimeoutMs,
    maxQueued: 8,
    model: config.similarityModel,
    onModelProblem: (problem) =>
      log.warn(
        { reason: 'similarity-model-unusable', modelDir: config.similarityModel?.dir, problem },
        'the similarity model cannot be used; the built-in similarity is used instead',
      ),
  })
  if (config.similarityModel) {
    const modelDir = config.similarityModel.dir
    gatherWorker.loadModel().then(
      (method) => method === 'model' && log.info({ modelDir }, 'similarity model loaded'),
      (error: Error) => log.warn({ modelDir, err: error }, 'the similarity model did not load'),
    )
  }
  const synthesis = new SynthesisService(gatherWorker)
  const clusterSuggestions = new ClusterSuggestionService(
    gatherWorker,
    config.similarityModel !== undefined,
  )
  const limits = new RequestLimits({
    createsPerMinute: config.createsPerMinute,
    joinsPerMinute: config.joinsPerMinute,
    signInsPerMinute: config.signInsPerMinute,
    trustProxy: config.trustProxy,
  })
  const day = new Day(storage, new DayEvents())
  const cluster = config.redisUrl
    ? await joinCluster(config, config.redisUrl, postgres!, rooms, sync, day, log)
    : undefined
  const base = {
    config,
    storage,
    rooms,
    sync,
    access,
    log,
    metrics,
    reads,
    limits,
    health,
    synthesis,
    clusterSuggestions,
    accounts,
    day,
    cluster,
  }
  // The live channel reads vote texts through the context it is itself part of.
  const context = base as Omit<ServerContext, 'live'> as ServerContext
  context.live = new LiveChannel(day, storage, () => itemTexts(context), log, {
    maxStreamsPerWorkshop: config.maxLiveStreamsPerWorkshop,
    coalesceMs: 100,
    heartbeatMs: 25_000,
  })
  const api = createApi(context)
  const serveStatic = createStaticHandler(clientDir)

  const server = http.createServer((req, res) => {
    setSecurityHeaders(res)
    api(req, res)
      .then((handled) => {
        if (!handled && !serveStatic(req, res)) sendError(res, 405, 'method', 'method not allowed')
      })
      .catch((error: unknown) => {
        if (isStorageFailure(error)) {
          health.recordFailure(error)
          log.error({ err: error, url: req.url, reason: 'storageFailed' }, 'STORAGE FAILED')
          const failure = storageFailed()
          return sendError(res, failure.status, failure.code, failure.message)
        }
        if (error instanceof HttpError) {
          if (error.retryAfterSeconds !== undefined) {
            res.setHeader('Retry-After', String(error.retryAfterSeconds))
          }
          return sendError(res, error.status, error.code, error.message)
        }
        log.error({ err: error, url: req.url }, 'request failed')
        if (!res.headersSent) sendError(res, 500, 'internal', 'internal error')
      })
  })
  server.on('upgrade', (req, socket, head) => {
    if (!sync.handleUpgrade(req, socket, head)) socket.destroy()
  })

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  // The database URL may hold a password: only the engine is logged.
  log.info(
    { url, storage: engine, dataDir: config.dataDir, node: cluster ? config.nodeId : undefined },
    'Samskapa is listening',
  )

  return {
    server,
    storage,
    rooms,
    log,
    day,
    url,
    async stop() {
      // Sockets close first: what clients send until then still reaches storage below.
      await sync.closeAll(CloseCode.serviceRestart, 'server restarting')
      context.live.stop()
      await rooms.unloadAll()
      await cluster?.stop()
      await gatherWorker.stop()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await accounts?.store.close()
      await storage.close()
    },
  }
}
