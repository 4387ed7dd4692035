import * as Y from 'yjs'
import { afterAll, beforeAll } from 'vitest'
import {
  postgresAvailable,
  reportPostgresSkip,
  startPostgres,
  type PostgresServer,
} from './postgresServer'
import {
  redisUnavailableReason,
  reportRedisSkip,
  startRedis,
  type RedisServer,
} from './redisServer'
import { PostgresStorage } from '../../server/storage/postgres/PostgresStorage'
import { applyStoredDoc } from '../../server/storage/storedDoc'
import { freePort, startServerProcess, tempDataDir, type ServerProcess } from './serverProcess'

/** Whether PostgreSQL and Redis can run here; says so plainly (fails in CI) when not. */
export function clusterSuiteAvailable(suite: string): boolean {
  reportPostgresSkip(suite)
  reportRedisSkip(suite)
  return postgresAvailable() && !redisUnavailableReason()
}

/**
 * One PostgreSQL and one Redis for a whole suite, started before its first test and stopped
 * after its last; call inside the suite's `describe`.
 */
export function sharedServers() {
  const servers: { postgres?: PostgresServer; redis?: RedisServer } = {}
  beforeAll(async () => {
    ;[servers.postgres, servers.redis] = await Promise.all([startPostgres(), startRedis()])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([servers.postgres?.stop(), servers.redis?.stop()])
  })
  return {
    get postgres() {
      return servers.postgres!
    },
    get redis() {
      return servers.redis!
    },
    /** A fresh database, and `count` nodes sharing it and the suite's Redis. */
    async cluster(name: string, count = 3) {
      const databaseUrl = await servers.postgres!.createDatabase(`samskapa_${name}_${Date.now()}`)
      const nodes = await startClusterNodes(count, { databaseUrl, redisUrl: servers.redis!.url })
      return { databaseUrl, nodes }
    },
  }
}

export interface ClusterNode {
  nodeId: string
  port: number
  process: ServerProcess
  url: string
  /** The node's log lines (JSON), kept from LOG_LEVEL=info. */
  log: string[]
}

/**
 * Server processes sharing one PostgreSQL database and one Redis, each on its own port and
 * data directory, as three machines behind a load balancer would.
 */
export async function startClusterNodes(
  count: number,
  shared: { databaseUrl: string; redisUrl: string },
  env: Record<string, string> = {},
): Promise<ClusterNode[]> {
  const nodes: ClusterNode[] = []
  for (let i = 0; i < count; i++) nodes.push(await startClusterNode(`node-${i}`, shared, env))
  return nodes
}

export async function startClusterNode(
  nodeId: string,
  shared: { databaseUrl: string; redisUrl: string },
  env: Record<string, string> = {},
  port?: number,
): Promise<ClusterNode> {
  const listenOn = port ?? (await freePort())
  const log: string[] = []
  const process = await startServerProcess(
    listenOn,
    tempDataDir(),
    {
      DATABASE_URL: shared.databaseUrl,
      REDIS_URL: shared.redisUrl,
      NODE_ID: nodeId,
      LEASE_MS: '3000',
      ROOM_GRACE_MS: '2000',
      LOG_LEVEL: 'info',
      ...env,
    },
    log,
  )
  return { nodeId, port: listenOn, process, url: process.url, log }
}

/** A board as a fresh load from PostgreSQL sees it: the only source of truth. */
export async function loadFromPostgres(databaseUrl: string, boardId: string): Promise<Y.Doc> {
  const storage = new PostgresStorage(databaseUrl)
  try {
    const doc = new Y.Doc()
    applyStoredDoc(doc, await storage.loadDoc(boardId))
    return doc
  } finally {
    await storage.close()
  }
}

/** Which node holds a board's lease now, read from PostgreSQL. */
export async function leaseHolder(
  databaseUrl: string,
  boardId: string,
): Promise<string | undefined> {
  const storage = new PostgresStorage(databaseUrl)
  try {
    const { rows } = await storage.database.query<{ node_id: string }>(
      'SELECT node_id FROM room_leases WHERE board_id = $1 AND expires_at > now()',
      [boardId],
    )
    return rows[0]?.node_id
  } finally {
    await storage.close()
  }
}
