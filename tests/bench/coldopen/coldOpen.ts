import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { recordsMap } from '../../../shared/board/boardDoc'
import { syncUrl } from '../../support/syncClients'
import type { BoardInfo } from '../../../shared/contracts'
import { median } from '../format'
import { readRssMiB } from '../servers/procStats'
import {
  SERVERS,
  startOurServer,
  type RoomAddress,
  type ServerName,
  type ServerUnderTest,
} from '../servers/serverProcess'
import { buildBigBoard } from './bigBoard'
import { measureFirstPaint, type PaintRun } from './firstPaint'
import { measureSync, syncNewClient } from './syncProbe'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const COLD_OPEN_SCREENSHOT = path.join(ROOT, 'tests/e2e/screenshots/bench-cold-open.png')

export interface ColdOpenOptions {
  notes: number
  /** New clients timed per server once the doc is in memory; the median is reported. */
  syncRuns: number
  paintRuns: number
  anchors: ServerName[]
}

export interface SyncRow {
  server: ServerName
  /** Ours only: first client on a fresh process, so the room is read from SQLite. */
  coldMs?: number
  coldBytes?: number
  /** Median over `syncRuns` new clients while the doc is in memory. */
  warmMs: number
  bytesUntilSynced: number
  /** TCP bytes until synced: a client that does not offer deflate, and one that does. */
  wireBytes: number
  deflatedWireBytes: number
  /** The sync-step-2 doc update alone. */
  updateBytes: number
  error?: string
}

export interface ColdOpenResult {
  notes: number
  records: number
  /** `Y.encodeStateAsUpdate` of the doc a new client ends up with. */
  stateUpdateBytes: number
  sqliteBytes: number
  serverRssMiB: { beforeOpen: number; afterOpen: number }
  rows: SyncRow[]
  paint: PaintRun[]
  paintError?: string
}

function ensureClientBuilt(log: (line: string) => void) {
  if (fs.existsSync(path.join(ROOT, 'dist/client/index.html'))) return
  log('  cold open: dist/client missing, running vite build')
  execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'ignore' })
}

async function warmSyncs(address: RoomAddress, server: ServerUnderTest, runs: number) {
  const measures = []
  const deflated = []
  for (let i = 0; i < runs; i++) {
    measures.push(await measureSync(address, server.protocol))
    deflated.push(await measureSync(address, server.protocol, true))
  }
  return {
    warmMs: median(measures.map((m) => m.ms)),
    bytesUntilSynced: median(measures.map((m) => m.bytesUntilSynced)),
    wireBytes: median(measures.map((m) => m.wireBytes)),
    deflatedWireBytes: median(deflated.map((m) => m.wireBytes)),
    updateBytes: median(measures.map((m) => m.update.byteLength)),
  }
}

/**
 * An anchor holds docs in memory only, so a first client loads the doc into it (one update)
 * and stays connected while new clients are timed: what a late joiner of a live room gets.
 */
async function anchorRow(
  name: ServerName,
  state: Uint8Array,
  options: ColdOpenOptions,
): Promise<SyncRow> {
  const server = await SERVERS[name]()
  try {
    const address = await server.createRoom(`cold-open-${Date.now()}`)
    const seed = await syncNewClient(address, server.protocol)
    seed.send(state)
    const deadline = Date.now() + 30_000
    while ((await measureSync(address, server.protocol)).update.byteLength < state.byteLength / 2) {
      if (Date.now() > deadline) throw new Error('the anchor never held the loaded doc')
    }
    const row = { server: name, ...(await warmSyncs(address, server, options.syncRuns)) }
    seed.close()
    return row
  } catch (error) {
    return {
      server: name,
      warmMs: NaN,
      bytesUntilSynced: NaN,
      wireBytes: NaN,
      deflatedWireBytes: NaN,
      updateBytes: NaN,
      error: String(error),
    }
  } finally {
    await server.stop()
  }
}

async function boardOn(baseUrl: string, id: string, token: string): Promise<BoardInfo> {
  const query = `?token=${encodeURIComponent(token)}`
  return (await (await fetch(`${baseUrl}/api/boards/${id}${query}`)).json()) as BoardInfo
}

/**
 * Scenario 3: a board of `notes` notes in the key-areas template's eleven clusters, stored in
 * SQLite by our server; then a fresh server process is timed opening it, and Chromium is
 * timed drawing it. The anchors get the same doc and are timed for late joiners.
 */
export async function runColdOpen(
  options: ColdOpenOptions,
  log: (line: string) => void,
): Promise<ColdOpenResult> {
  ensureClientBuilt(log)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-bench-cold-'))
  try {
    log(`  cold open: writing ${options.notes} notes through our server`)
    const builder = await startOurServer({ dataDir })
    const built = await buildBigBoard(builder, options.notes).finally(() => builder.stop())
    const { id } = built
    const token = built.sync.params.token ?? ''

    log('  cold open: fresh server process, timing new clients')
    const server = await startOurServer({ dataDir })
    const rows: SyncRow[] = []
    let result: Omit<ColdOpenResult, 'rows' | 'paint'>
    let paint: PaintRun[] = []
    let paintError: string | undefined
    try {
      const board = await boardOn(server.baseUrl, id, token)
      const address = {
        url: syncUrl(board.sync),
        docName: board.sync.room,
      }
      const beforeOpen = readRssMiB(server.pid)
      const cold = await measureSync(address, 'y-websocket')
      const afterOpen = readRssMiB(server.pid)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, cold.update)
      const state = Y.encodeStateAsUpdate(doc)
      rows.push({
        server: 'ours',
        coldMs: cold.ms,
        coldBytes: cold.bytesUntilSynced,
        ...(await warmSyncs(address, server, options.syncRuns)),
      })
      result = {
        notes: options.notes,
        records: recordsMap(doc).size,
        stateUpdateBytes: state.byteLength,
        sqliteBytes: fs.statSync(path.join(dataDir, 'samskapa.db')).size,
        serverRssMiB: { beforeOpen, afterOpen },
      }
      log(`  cold open: Chromium, ${options.paintRuns} page loads`)
      try {
        paint = await measureFirstPaint(
          `${server.baseUrl}/b/${id}?token=${encodeURIComponent(token)}`,
          options.notes,
          options.paintRuns,
          COLD_OPEN_SCREENSHOT,
        )
      } catch (error) {
        paintError = String(error)
      }
      for (const name of options.anchors) {
        log(`  cold open: ${name}`)
        rows.push(await anchorRow(name, state, options))
      }
    } finally {
      await server.stop()
    }
    return { ...result, rows, paint, ...(paintError ? { paintError } : {}) }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
