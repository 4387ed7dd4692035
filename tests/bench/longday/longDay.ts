import fs from 'node:fs'
import { syncUrl } from '../../support/syncClients'
import path from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { writeRecords, type RecordJson } from '../../../shared/board/boardDoc'
import { readEpoch } from '../../../shared/board/boardEpoch'
import { syncNewClient } from '../coldopen/syncProbe'
import { readRssMiB } from '../servers/procStats'
import { startOurServer, type OurServer } from '../servers/serverProcess'
import { installAnimationFrames } from '../wire/wire'
import { playSession, type OpCounts, type SessionPlan } from './session'
import { structBreakdown, type StructRow } from './structs'

export interface MemorySample {
  rssMiB: number
  heapUsedMiB: number
}

export interface StoredSize {
  snapshotBytes: number
  updateBytes: number
  updates: number
}

export interface LongDayResult {
  plan: SessionPlan
  counts: OpCounts
  sessionMs: number
  records: number
  /** `Y.encodeStateAsUpdate` of the server's doc at the day's end, as a new client receives it. */
  serverDocBytes: number
  /**
   * The same after the room unloaded and loaded again: rebuilt into a new epoch when it had
   * grown enough (server/sync/epochs), which is the doc every later meeting works on.
   */
  reopenedDocBytes: number
  reopenedEpoch: number
  /** The same final records written once into a new Y.Doc. */
  freshDocBytes: number
  /** Yjs structs in the server's doc and in the fresh doc, by the place they were written to. */
  serverStructs: { rows: StructRow[]; gcRanges: number }
  freshStructs: { rows: StructRow[]; gcRanges: number }
  /** JS heap taken by each doc in this process (after a full GC), where measurable. */
  serverDocHeapMiB: number
  reopenedDocHeapMiB: number
  /**
   * The fresh doc as the server holds a doc it loaded (its update applied to a new Y.Doc): a
   * doc read from bytes keeps its own copy of every key and string, one written in this process
   * shares them with the records it came from, so this is the like-for-like reference.
   */
  freshDocHeapMiB: number
  /** The fresh doc as written here from the records (shares their strings). */
  freshWrittenDocHeapMiB: number
  storedWhileLoaded: StoredSize
  storedAfterUnload: StoredSize
  /** The SQLite file after a WAL checkpoint, and how much of it is in use (not free pages). */
  sqliteFileBytes: number
  sqliteUsedBytes: number
  /**
   * Server process (each after GC): before any room ever loaded, after a small warm-up room
   * loaded and unloaded (the code a room runs is compiled by then), while the long day's room
   * is loaded, and after it unloaded.
   */
  serverMemory: {
    cold: MemorySample
    before: MemorySample
    loaded: MemorySample
    unloaded: MemorySample
  }
}

const MiB = 1024 * 1024
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `gc` for this process, without restarting node with --expose-gc. */
const collectHere: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

/** Heap (MiB) held per doc `build` returns: `copies` are kept at once to rise above noise. */
function retainedHeapMiB(build: () => Y.Doc, copies = 5): number {
  collectHere()
  const before = process.memoryUsage().heapUsed
  const kept = Array.from({ length: copies }, build)
  collectHere()
  const after = process.memoryUsage().heapUsed
  for (const doc of kept) doc.destroy()
  return (after - before) / copies / MiB
}

async function serverMemory(server: OurServer): Promise<MemorySample> {
  await server.collectGarbage()
  await sleep(200)
  const metrics = await server.metrics()
  return {
    rssMiB: readRssMiB(server.pid),
    heapUsedMiB: (metrics.get('nodejs_heap_size_used_bytes') ?? NaN) / MiB,
  }
}

function storedSize(db: Database.Database, boardId: string): StoredSize {
  const snapshot = db
    .prepare('SELECT length(data) AS bytes FROM snapshots WHERE board_id = ?')
    .get(boardId) as { bytes: number } | undefined
  const updates = db
    .prepare(
      'SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM updates WHERE board_id = ?',
    )
    .get(boardId) as { n: number; bytes: number }
  return { snapshotBytes: snapshot?.bytes ?? 0, updateBytes: updates.bytes, updates: updates.n }
}

async function waitForUnload(server: OurServer, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while ((await server.metrics()).get('samskapa_rooms_loaded') !== 0) {
    if (Date.now() > deadline) throw new Error('the room did not unload')
    await sleep(250)
  }
}

const WARM_UP_PLAN: SessionPlan = {
  participants: 2,
  moves: 300,
  creates: 60,
  deletes: 5,
  textEdits: 30,
  sliceSize: 50,
  seed: 1,
}

/**
 * A short day on another board, loaded and unloaded: the first room compiles the code every
 * room runs (V8 keeps it, about 2 MiB), which is no memory the long day's room leaves behind.
 */
async function warmUp(server: OurServer) {
  const board = await server.createBoard({ title: 'Bench: uppvärmning', template: 'key-areas' })
  await playSession(board.sync, WARM_UP_PLAN, () => {})
  await waitForUnload(server)
}

/**
 * Scenario 4: a compressed workshop day through our binding into our server (child process,
 * real SQLite, compaction every COMPACT_EVERY_UPDATES). Compares what the server stores and
 * holds with a fresh doc of the same final content, and reads the server's memory before,
 * during and after the room is loaded. The per-connection message limit is raised because
 * the day is replayed in about a minute; everything else runs with its defaults.
 */
export async function runLongDay(
  plan: SessionPlan,
  log: (line: string) => void,
): Promise<LongDayResult> {
  installAnimationFrames()
  const server = await startOurServer({
    env: { ROOM_GRACE_MS: '1000', MAX_MESSAGES_PER_SECOND: '100000' },
  })
  const dbFile = path.join(server.dataDir, 'samskapa.db')
  try {
    const board = await server.createBoard({ title: 'Bench: lång dag', template: 'key-areas' })
    const cold = await serverMemory(server)
    await warmUp(server)
    const before = await serverMemory(server)
    const address = { url: syncUrl(board.sync), docName: board.sync.room }
    let lastLogged = 0
    const session = await playSession(board.sync, plan, (done, total) => {
      if (done - lastLogged >= total / 4 || done === total) {
        lastLogged = done
        log(`  long day: ${done} / ${total} operations`)
      }
    })
    // A new client's view of the server's doc; the participants have left by now, so this
    // client keeps the room loaded while it is measured.
    const keeper = await syncNewClient(address, 'y-websocket')
    const serverDocBytes = keeper.update.byteLength
    const db = new Database(dbFile)
    try {
      const storedWhileLoaded = storedSize(db, board.id)
      const loaded = await serverMemory(server)
      keeper.close()
      await waitForUnload(server)
      const unloaded = await serverMemory(server)
      const storedAfterUnload = storedSize(db, board.id)
      // The next meeting: a new client opens the board, which loads (rebuilt) from storage.
      const reopened = await syncNewClient(
        { url: `${address.url}&epoch=none`, docName: address.docName },
        'y-websocket',
      )
      reopened.close()
      await waitForUnload(server)
      db.pragma('wal_checkpoint(TRUNCATE)')
      const pageSize = db.pragma('page_size', { simple: true }) as number
      const freePages = db.pragma('freelist_count', { simple: true }) as number
      const sqliteFileBytes = fs.statSync(dbFile).size
      const records = session.records
      const fresh = () => {
        const doc = new Y.Doc()
        writeRecords(doc, records as RecordJson[])
        return doc
      }
      const replayed =
        (update = keeper.update) =>
        () => {
          const doc = new Y.Doc()
          Y.applyUpdate(doc, update)
          return doc
        }
      const reopenedDoc = replayed(reopened.update)()
      return {
        plan,
        counts: session.counts,
        sessionMs: session.ms,
        records: records.length,
        serverDocBytes,
        reopenedDocBytes: reopened.update.byteLength,
        reopenedEpoch: readEpoch(reopenedDoc),
        freshDocBytes: Y.encodeStateAsUpdate(fresh()).byteLength,
        serverStructs: structBreakdown(replayed()()),
        freshStructs: structBreakdown(fresh()),
        serverDocHeapMiB: retainedHeapMiB(replayed()),
        reopenedDocHeapMiB: retainedHeapMiB(replayed(reopened.update)),
        freshDocHeapMiB: retainedHeapMiB(replayed(Y.encodeStateAsUpdate(fresh()))),
        freshWrittenDocHeapMiB: retainedHeapMiB(fresh),
        storedWhileLoaded,
        storedAfterUnload,
        sqliteFileBytes,
        sqliteUsedBytes: sqliteFileBytes - freePages * pageSize,
        serverMemory: { cold, before, loaded, unloaded },
      }
    } finally {
      db.close()
    }
  } finally {
    await server.stop()
  }
}
