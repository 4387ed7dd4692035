import path from 'node:path'
import { copySqliteToPostgres, MigrationRefused } from '../storage/postgres/copyFromSqlite'
import { createPostgresPool } from '../storage/postgres/postgresPool'

/**
 * `npm run migrate-to-postgres`: copies DATA_DIR/samskapa.db (opened read only) into the
 * PostgreSQL database at DATABASE_URL, all in one transaction, and prints the rows copied
 * per table. Stop the server first, so nothing is written to SQLite while it is read.
 * Exits 1, having changed nothing, when the target already holds boards or anything fails.
 */
async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    console.error('Set DATABASE_URL to the PostgreSQL database to copy into.')
    return 1
  }
  const sqlitePath = path.join(path.resolve(process.env.DATA_DIR ?? './data'), 'samskapa.db')
  const pool = createPostgresPool(databaseUrl, (error) => console.error(error.message))
  try {
    console.log(`Copying ${sqlitePath} into PostgreSQL …`)
    const counts = await copySqliteToPostgres(sqlitePath, pool)
    for (const [table, count] of counts) console.log(`${table.padEnd(20)} ${count}`)
    console.log('Done: every table was copied in one transaction.')
    return 0
  } catch (error) {
    if (error instanceof MigrationRefused) console.error(`Refused: ${error.message}`)
    else console.error(`Migration failed, nothing was copied: ${(error as Error).message}`)
    return 1
  } finally {
    await pool.end()
  }
}

process.exitCode = await main()
