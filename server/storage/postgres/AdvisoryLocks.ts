import pg from 'pg'
import { KeyedSerial } from '../KeyedSerial'

/**
 * Connections kept for holding locks. A holder's connection idles while its task runs, so a
 * few serve many short sections; more would only take connections from PostgreSQL's limit.
 */
const LOCK_CONNECTIONS = 4

/**
 * Sections that run one at a time per key across every node sharing the database, under a
 * session-level PostgreSQL advisory lock. The 64-bit lock key is a hash of the string: two
 * keys that collide only wait for each other, never overlap.
 *
 * Locks are held on connections of a pool of their own. Taken from the main pool, enough
 * holders could occupy all of its connections while their tasks wait there for one to run
 * their queries: a deadlock no timeout would report as such.
 *
 * If a holder's connection is lost, PostgreSQL frees its lock at once, and another node may
 * enter while the task still runs; nothing here can stop a task already under way.
 */
export class AdvisoryLocks {
  /** One process waits for a key once, not once per task on a connection of its own. */
  private readonly local = new KeyedSerial()
  private readonly pool: pg.Pool

  constructor(main: pg.Pool) {
    // The password is not among the options' enumerable properties, so a spread would drop it.
    this.pool = new pg.Pool({
      ...main.options,
      password: main.options.password,
      max: LOCK_CONNECTIONS,
    })
    // An idle lock connection that dies holds no lock; the pool opens another when needed.
    this.pool.on('error', () => undefined)
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.local.run(key, () => this.locked(key, task))
  }

  close(): Promise<void> {
    return this.pool.end()
  }

  private async locked<T>(key: string, task: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    // As in inTransaction: a connection dying while checked out emits `error`, which unheard
    // would end the process. Heard, it marks the connection for destruction instead of reuse.
    let broken = false
    const onError = () => void (broken = true)
    client.on('error', onError)
    const release = () => {
      client.off('error', onError)
      client.release(broken)
    }
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key])
    } catch (error) {
      broken = true
      release()
      throw error
    }
    try {
      return await task()
    } finally {
      // A failed unlock leaves the lock to the session: destroying the connection ends it.
      await client
        .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key])
        .catch(() => void (broken = true))
      release()
    }
  }
}
