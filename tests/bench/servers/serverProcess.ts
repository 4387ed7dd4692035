import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BoardInfo } from '../../../shared/contracts'
import { startPostgres } from '../../support/postgresServer'
import { syncUrl } from '../../support/syncClients'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const HOST = '127.0.0.1'

export type WireProtocol = 'y-websocket' | 'hocuspocus'
export type ServerName = 'ours' | 'ours-postgres' | 'y-websocket' | 'hocuspocus'

/** Where a client connects for one room: a WebSocket URL and the document name. */
export interface RoomAddress {
  url: string
  docName: string
}

/** A sync server running in its own child process, so its CPU and memory can be read. */
export interface ServerUnderTest {
  name: ServerName
  protocol: WireProtocol
  pid: number
  /** Makes a fresh, empty-of-clients room; each benchmark step uses its own. */
  createRoom(label: string): Promise<RoomAddress>
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

// A tsx-started server can take a minute to listen on a shared, overloaded machine.
async function waitForPort(port: number, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, HOST)
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server did not listen on ${port} within ${timeoutMs} ms`)
}

/** The last lines a server wrote to stdout, when asked to keep them (see `OurServer.logs`). */
const KEPT_LOG_LINES = 500

async function launch(args: string[], env: Record<string, string>, keepStdout = false) {
  const port = await freePort()
  const stderr: string[] = []
  const stdout: string[] = []
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST },
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
  })
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()))
  let partial = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop() ?? ''
    stdout.push(...lines.filter(Boolean))
    if (stdout.length > KEPT_LOG_LINES) stdout.splice(0, stdout.length - KEPT_LOG_LINES)
  })
  // A server that dies mid-run says why, rather than leaving "fetch failed" downstream.
  child.once('exit', (code, signal) => {
    if (code === 0 || signal === 'SIGTERM' || signal === 'SIGKILL') return
    console.error(
      `server ${args.at(-1)} exited (${code ?? signal}):\n${stderr.join('').slice(-3000)}`,
    )
  })
  try {
    await waitForPort(port, child)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${String(error)}\n${stderr.join('').slice(-2000)}`, { cause: error })
  }
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
    await exited
    clearTimeout(timer)
  }
  return { child, port, pid: child.pid!, stop, stderr, stdout }
}

export interface OurServerOptions {
  /** Reuse a data directory (kept on stop); by default a temp one is made and removed. */
  dataDir?: string
  /** Extra settings, e.g. a short ROOM_GRACE_MS or a higher connection limit. */
  env?: Record<string, string>
  /**
   * Log at this level (default: silent) and keep the last lines, so a benchmark can show the
   * warnings and errors a server logged while it ran.
   */
  logLevel?: 'error' | 'warn' | 'info'
}

/** Our server with what the storage and memory scenarios need beyond `ServerUnderTest`. */
export interface OurServer extends ServerUnderTest {
  baseUrl: string
  dataDir: string
  createBoard(body: { title: string; template: string }): Promise<BoardInfo>
  /** Prometheus text from GET /metrics, as name → value (unlabelled series only). */
  metrics(): Promise<Map<string, number>>
  /** A full GC in the server process (see gcOnSignal.mjs); resolves after it has run. */
  collectGarbage(): Promise<void>
  /** Log lines (pino JSON) kept so far, with `logLevel`; their count only grows to 500. */
  logs(): string[]
  /** Prometheus text from GET /metrics as served. */
  metricsText(): Promise<string>
}

/**
 * Our server: `server/main.ts` run directly by node with tsx's loader (one process). A
 * bench-only preload lets the harness trigger a GC with SIGUSR2, so memory read after a
 * room unloads shows what is still referenced rather than what the collector has not yet
 * visited; the server's own code is unchanged.
 */
export async function startOurServer(options: OurServerOptions = {}): Promise<OurServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-bench-'))
  const { child, pid, port, stop, stdout } = await launch(
    [
      '--expose-gc',
      '--import',
      './tests/bench/servers/gcOnSignal.mjs',
      '--import',
      'tsx',
      'server/main.ts',
    ],
    {
      DATA_DIR: dataDir,
      LOG_LEVEL: options.logLevel ?? 'silent',
      CREATES_PER_MINUTE: '100000',
      ...options.env,
    },
    options.logLevel !== undefined,
  )
  const baseUrl = `http://${HOST}:${port}`
  const createBoard = async (body: { title: string; template: string }) => {
    const response = await fetch(`${baseUrl}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (response.status !== 201) {
      throw new Error(`POST /api/boards answered ${response.status}: ${await response.text()}`)
    }
    return (await response.json()) as BoardInfo
  }
  return {
    name: 'ours',
    protocol: 'y-websocket',
    pid,
    baseUrl,
    dataDir,
    createBoard,
    async createRoom(label) {
      const board = await createBoard({ title: label, template: 'blank' })
      return { url: syncUrl(board.sync), docName: board.sync.room }
    },
    logs: () => [...stdout],
    metricsText: async () => (await fetch(`${baseUrl}/metrics`)).text(),
    async metrics() {
      const text = await (await fetch(`${baseUrl}/metrics`)).text()
      const values = new Map<string, number>()
      for (const match of text.matchAll(/^([a-z_]+) ([0-9.e+-]+)$/gm)) {
        values.set(match[1]!, Number(match[2]))
      }
      return values
    },
    async collectGarbage() {
      const done = new Promise<void>((resolve) => {
        const onData = (chunk: Buffer) => {
          if (!chunk.toString().includes(GC_DONE)) return
          child.stderr?.off('data', onData)
          resolve()
        }
        child.stderr?.on('data', onData)
      })
      child.kill('SIGUSR2')
      await done
    },
    async stop() {
      await stop()
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** What gcOnSignal.mjs writes to stderr after each collection. */
const GC_DONE = 'bench-gc-done'

export const startOurs = (): Promise<ServerUnderTest> => startOurServer()

/**
 * Our server with DATABASE_URL on a local PostgreSQL (fsync on) started for the run. Its CPU
 * column is the Node process only; PostgreSQL's own processes are not counted in it.
 */
export async function startOursOnPostgres(): Promise<ServerUnderTest> {
  const postgres = await startPostgres({ durable: true })
  const databaseUrl = await postgres.createDatabase(`bench_fanout_${Date.now()}`)
  const server = await startOurServer({ env: { DATABASE_URL: databaseUrl } }).catch(
    async (error: unknown) => {
      await postgres.stop()
      throw error
    },
  )
  return {
    ...server,
    name: 'ours-postgres',
    async stop() {
      await server.stop()
      await postgres.stop()
    },
  }
}

/** The y-websocket reference server, in memory (no YPERSISTENCE), as its README starts it. */
export async function startYWebsocket(): Promise<ServerUnderTest> {
  const script = path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')
  const { pid, port, stop } = await launch([script], {})
  return {
    name: 'y-websocket',
    protocol: 'y-websocket',
    pid,
    async createRoom(label) {
      return { url: `ws://${HOST}:${port}/${label}`, docName: label }
    },
    stop,
  }
}

/** Hocuspocus 3.4.4 with no extensions (memory only). */
export async function startHocuspocus(): Promise<ServerUnderTest> {
  const script = path.join(ROOT, 'tests/bench/servers/hocuspocusServer.mjs')
  const { pid, port, stop } = await launch([script], {})
  return {
    name: 'hocuspocus',
    protocol: 'hocuspocus',
    pid,
    async createRoom(label) {
      return { url: `ws://${HOST}:${port}`, docName: label }
    },
    stop,
  }
}

export const SERVERS: Record<ServerName, () => Promise<ServerUnderTest>> = {
  ours: startOurs,
  'ours-postgres': startOursOnPostgres,
  'y-websocket': startYWebsocket,
  hocuspocus: startHocuspocus,
}
