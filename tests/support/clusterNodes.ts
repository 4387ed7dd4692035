import * as Y from 'yjs'
import { PostgresStorage } from '../../server/storage/postgres/PostgresStorage'
import { applyStoredDoc } from '../../server/storage/storedDoc'
import { freePort, startServerProcess, tempDataDir, type ServerProcess } from './serverProcess'

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
