import type { AccountStore } from '../accounts/AccountStore'
import { PostgresAccountStore } from '../accounts/PostgresAccountStore'
import { SqliteAccountStore } from '../accounts/SqliteAccountStore'
import type { Config } from '../config'
import { PostgresStorage } from './postgres/PostgresStorage'
import { SqliteStorage } from './SqliteStorage'
import type { Storage } from './Storage'

export interface Stores {
  storage: Storage
  /** Only with sign-in configured: installations without it keep no accounts. */
  accountStore: AccountStore | undefined
  /** `postgres` or `sqlite`, for the start-up log line. */
  engine: 'postgres' | 'sqlite'
  /** The same storage when it is PostgreSQL: several nodes need its pool and write fences. */
  postgres: PostgresStorage | undefined
}

/**
 * The configured storage: PostgreSQL when DATABASE_URL is set (the tables are created when
 * missing), else the embedded SQLite file in DATA_DIR. Boards and accounts live in the same
 * database, so one backup holds everything.
 */
export async function openStores(config: Config): Promise<Stores> {
  if (config.databaseUrl) {
    const storage = await PostgresStorage.open(config.databaseUrl)
    const accountStore = config.oidc
      ? await PostgresAccountStore.open(config.databaseUrl)
      : undefined
    return { storage, accountStore, engine: 'postgres', postgres: storage }
  }
  const storage = new SqliteStorage(config.dataDir, {
    synchronous: config.sqliteSynchronous,
    maxDatabaseBytes: config.maxDatabaseBytes,
  })
  const accountStore = config.oidc ? new SqliteAccountStore(config.dataDir) : undefined
  return { storage, accountStore, engine: 'sqlite', postgres: undefined }
}
