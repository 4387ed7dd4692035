import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BoardInfo } from '../../shared/contracts'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A port that was free a moment ago, so a restarted server can listen on the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-fault-'))
}

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  isAlive(): boolean
  /** Resident memory in bytes, read from /proc. */
  rssBytes(): number
  /** Sends `signal` and waits until the process has ended. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * The real server as a child process (`node --import tsx server/main.ts`), so a test can
 * SIGKILL it, SIGTERM it and watch its memory like an operator would.
 */
export async function startServerProcess(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
  /** Collects the server's log lines (JSON, one per line) here instead of printing them. */
  logLines?: string[],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ROOM_GRACE_MS: '200',
      ...env,
    },
    stdio: ['ignore', logLines ? 'pipe' : 'inherit', 'inherit'],
  })
  if (logLines) {
    let partial = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      logLines.push(...lines)
    })
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  let ended = false
  void exited.then(() => (ended = true))
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  while (!(await isHealthy(url))) {
    if (ended) throw new Error('server process exited while starting')
    if (Date.now() - started > 60_000) throw new Error('server process did not start')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    child,
    url,
    exited,
    isAlive: () => !ended,
    rssBytes: () => readRssBytes(child.pid!),
    async stop(signal) {
      if (!ended) child.kill(signal)
      return exited
    },
  }
}

export async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) })
    return response.status === 200
  } catch {
    return false
  }
}

function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
  return Number(kib ?? 0) * 1024
}

export async function createBoard(url: string, body: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.status !== 201) throw new Error(`create board: ${response.status}`)
  return (await response.json()) as BoardInfo
}
