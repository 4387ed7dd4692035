import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { PostgresStorage } from '../../../server/storage/postgres/PostgresStorage'
import { SqliteStorage } from '../../../server/storage/SqliteStorage'
import type { Storage } from '../../../server/storage/Storage'
import { startPostgres } from '../../support/postgresServer'
import { Histogram } from '../fanout/Histogram'

export interface StorageEnginesOptions {
  boards: number
  appendsPerSecond: number
  measureMs: number
}

export interface EngineRow {
  engine: 'SQLite (FULL)' | 'PostgreSQL'
  appends: number
  append: { p50: number; p95: number; p99: number }
  /** Transactions that stored the appends; with group commit far fewer than appends. */
  commits: number
  commit: { p50: number; p99: number }
}

/** One note move as a room stores it: a small Yjs update of a few dozen bytes. */
function noteMove(n: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('records').set(`shape:${n % 50}`, { xy: [n % 900, n % 700] })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/**
 * The durable append that every relayed edit waits for, on both engines, in this process:
 * `boards` rooms each store one batch at a time (as a Room's storage chain does) at a
 * combined `appendsPerSecond`. The append latency is what a peer's edit waits before relay.
 */
async function measure(
  engine: EngineRow['engine'],
  storage: Storage,
  options: StorageEnginesOptions,
  commits: Histogram,
): Promise<EngineRow> {
  const boardIds: string[] = []
  for (let b = 0; b < options.boards; b++) {
    const id = `bench${b.toString().padStart(4, '0')}`
    await storage.createBoard(
      { id, title: id, template: 'blank', createdAt: Date.now() },
      noteMove(0),
    )
    boardIds.push(id)
  }
  const latencies = new Histogram()
  const intervalMs = (1000 * options.boards) / options.appendsPerSecond
  const end = Date.now() + options.measureMs
  let appends = 0
  await Promise.all(
    boardIds.map(async (boardId, index) => {
      await new Promise((resolve) => setTimeout(resolve, (intervalMs * index) / options.boards))
      for (let n = 1; Date.now() < end; n++) {
        const started = performance.now()
        await storage.appendUpdates(boardId, [noteMove(n)])
        latencies.record(performance.now() - started)
        appends++
        const wait = intervalMs - (performance.now() - started)
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }),
  )
  return {
    engine,
    appends,
    append: {
      p50: latencies.percentile(0.5),
      p95: latencies.percentile(0.95),
      p99: latencies.percentile(0.99),
    },
    commits: commits.count,
    commit: { p50: commits.percentile(0.5), p99: commits.percentile(0.99) },
  }
}

export async function runStorageEngines(
  options: StorageEnginesOptions,
  log: (line: string) => void,
): Promise<EngineRow[]> {
  const rows: EngineRow[] = []
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-bench-storage-'))
  const sqlite = new SqliteStorage(dir, { synchronous: 'FULL' })
  log('  storage: SQLite')
  // Each SQLite append is its own transaction: its commit is the append.
  const sqliteCommits = new Histogram()
  const sqliteRow = await measure('SQLite (FULL)', sqlite, options, sqliteCommits)
  rows.push({ ...sqliteRow, commits: sqliteRow.appends, commit: { ...sqliteRow.append } })
  await sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })

  log('  storage: PostgreSQL (a local server started for the run, fsync on)')
  const server = await startPostgres({ durable: true })
  try {
    const postgres = await PostgresStorage.open(await server.createDatabase('bench_storage'))
    const commits = new Histogram()
    postgres.onCommit((report) => commits.record(report.ms))
    rows.push(await measure('PostgreSQL', postgres, options, commits))
    await postgres.close()
  } finally {
    await server.stop()
  }
  return rows
}
