import pg from 'pg'

/**
 * A pool for one PostgreSQL database. pg emits `error` on the pool when an idle connection
 * dies (the server restarted, a network blip); without a listener that event would end the
 * process. The pool has already dropped the dead connection and opens a new one for the next
 * query, and any query that fails on it rejects on its own, so the event itself needs no
 * handling beyond being reported.
 */
export function createPostgresPool(
  connectionString: string,
  onIdleError: (error: Error) => void = () => undefined,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // Without a limit, a connection attempt to an unreachable host waits for the OS (minutes),
    // and every append queued behind it waits too; failing fast lets the room report it.
    connectionTimeoutMillis: 10_000,
    // Finds connections that a dead network path left open, instead of trusting them forever.
    keepAlive: true,
  })
  pool.on('error', onIdleError)
  return pool
}

/**
 * Runs `work` in one transaction on one connection of the pool. A connection whose query
 * failed is destroyed rather than returned, since after a lost connection or a failed
 * ROLLBACK its state is unknown.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  // The pool listens for errors only on idle connections. One that dies while checked out
  // but between queries would emit an unheard `error` and end the process; heard here, the
  // next query on it rejects instead, and the catch below discards the connection.
  const ignore = () => undefined
  client.on('error', ignore)
  const release = (destroy?: boolean) => {
    client.off('error', ignore)
    client.release(destroy)
  }
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    release()
    return result
  } catch (error) {
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    )
    release(!rolledBack)
    throw error
  }
}
