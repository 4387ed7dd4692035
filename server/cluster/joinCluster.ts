import type { Config } from '../config'
import type { Day } from '../day/Day'
import type { Logger } from '../logger'
import type { PostgresStorage } from '../storage/postgres/PostgresStorage'
import type { RoomRegistry } from '../sync/RoomRegistry'
import type { SyncEndpoint } from '../sync/syncEndpoint'
import { Cluster, DEFAULT_CLUSTER_OPTIONS } from './Cluster'
import { RedisBus } from './RedisBus'
import { RoomLeases } from './RoomLeases'

/**
 * Makes this node one of several sharing one PostgreSQL database (REDIS_URL set): from now on
 * it writes only boards it holds the lease of, and rooms load and leave through the cluster.
 */
export async function joinCluster(
  config: Config,
  redisUrl: string,
  postgres: PostgresStorage,
  rooms: RoomRegistry,
  sync: SyncEndpoint,
  day: Day,
  log: Logger,
): Promise<Cluster> {
  const bus = await RedisBus.connect(redisUrl, log)
  const options = { ...DEFAULT_CLUSTER_OPTIONS, leaseMs: config.leaseMs }
  const leases = new RoomLeases(postgres.database, config.nodeId, options.leaseMs)
  postgres.writeFences.requireFences = true
  const cluster = new Cluster(
    config.nodeId,
    bus,
    leases,
    postgres.writeFences,
    rooms,
    sync,
    day,
    log,
    options,
  )
  rooms.joinCluster(cluster)
  await cluster.start()
  return cluster
}
