import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const runFile = promisify(execFile)

/**
 * A real, throwaway PostgreSQL server for tests: a fresh cluster in a temporary directory on a
 * free port, tuned for speed (no fsync: a test never survives a power cut), removed on stop.
 * Nothing is mocked; the binaries of the installed PostgreSQL are used.
 */
export interface PostgresServer {
  /** Connection string of the `postgres` database (superuser, trust authentication). */
  url: string
  /** Stops the server and removes its files. */
  stop(): Promise<void>
  /**
   * Shuts the server down (dropping every connection) and starts it again on the same port;
   * `whileDown` runs in between, to see what clients do while there is no server.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>
}

/** The newest /usr/lib/postgresql/<version>/bin that holds initdb and postgres. */
function findBinaries(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return undefined
  const versions = fs
    .readdirSync(root)
    .filter((entry) => /^\d+$/.test(entry))
    .sort((a, b) => Number(b) - Number(a))
  return versions
    .map((version) => path.join(root, version, 'bin'))
    .find((bin) => ['initdb', 'postgres'].every((tool) => fs.existsSync(path.join(bin, tool))))
}

const isRoot = process.getuid?.() === 0

/** initdb and postgres refuse to run as root; as root they run as the `postgres` user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    return { uid, gid }
  } catch {
    return undefined
  }
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailableReason(): string | undefined {
  if (!findBinaries()) return 'no PostgreSQL binaries under /usr/lib/postgresql/*/bin'
  if (isRoot && !postgresUser()) return 'running as root and there is no postgres user'
  return undefined
}

export function postgresAvailable(): boolean {
  return postgresUnavailableReason() === undefined
}

/**
 * Says plainly in the test output that a suite was skipped, and why. CI installs PostgreSQL
 * (.ci/run), so there a missing server fails the file instead of passing it unseen.
 */
export function reportPostgresSkip(suite: string) {
  const reason = postgresUnavailableReason()
  if (!reason) return
  if (process.env.CI) throw new Error(`${suite}: PostgreSQL tests cannot run in CI: ${reason}`)
  console.warn(`${suite}: PostgreSQL tests SKIPPED: ${reason}`)
}

/** argv that runs `command` as the postgres user when we are root. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `durable` keeps PostgreSQL's own defaults (fsync, synchronous commit), for a benchmark whose
 * commit latency must be a real one; tests run without them.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = findBinaries()
  const reason = postgresUnavailableReason()
  if (!bin || reason) throw new Error(`Cannot start PostgreSQL: ${reason}`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-pg-'))
  const dataDir = path.join(dir, 'data')
  const user = isRoot ? postgresUser() : undefined
  if (user) fs.chownSync(dir, user.uid, user.gid)
  const [initdb, initArgs] = asPostgres(path.join(bin, 'initdb'), [
    ...['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C'],
  ])
  await runFile(initdb, initArgs)

  const port = await freePort()
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`
  let child: ChildProcess | undefined
  let log = ''

  /** The postmaster's own pid: with runuser between us, the child is not postgres itself. */
  const postmasterPid = (): number | undefined => {
    try {
      const pid = Number(
        fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
      )
      return Number.isInteger(pid) && pid > 0 ? pid : undefined
    } catch {
      return undefined
    }
  }

  // A test run that dies must not leave a server running.
  const killOnExit = () => {
    const pid = postmasterPid()
    if (pid) process.kill(pid, 'SIGQUIT')
  }

  const launch = async () => {
    const [command, args] = asPostgres(path.join(bin, 'postgres'), [
      ...['-D', dataDir, '-p', String(port), '-k', dir],
      ...['-c', 'listen_addresses=127.0.0.1'],
      ...(options.durable
        ? []
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ])
    log = ''
    const started = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    const keep = (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-4000))
    started.stdout?.on('data', keep)
    started.stderr?.on('data', keep)
    child = started
    let exited = false
    started.once('exit', () => void (exited = true))
    const deadline = Date.now() + 30_000
    for (;;) {
      if (exited) throw new Error(`PostgreSQL exited while starting:\n${log}`)
      const client = new pg.Client({ connectionString: url })
      client.on('error', () => undefined)
      try {
        await client.connect()
        await client.end()
        return
      } catch (error) {
        await client.end().catch(() => undefined)
        if (Date.now() > deadline) {
          throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`, { cause: error })
        }
        await sleep(100)
      }
    }
  }

  /** Fast shutdown: PostgreSQL ends every session and stops; we wait until it has. */
  const shutDown = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
    const pid = postmasterPid()
    if (pid) process.kill(pid, 'SIGINT')
    else running.kill('SIGINT')
    const timedOut = await Promise.race([exited.then(() => false), sleep(20_000).then(() => true)])
    if (timedOut) {
      const stuck = postmasterPid()
      if (stuck) process.kill(stuck, 'SIGKILL')
      running.kill('SIGKILL')
      await exited
    }
  }

  await launch()
  process.once('exit', killOnExit)

  return {
    url,
    async stop() {
      process.off('exit', killOnExit)
      await shutDown()
      fs.rmSync(dir, { recursive: true, force: true })
    },
    async restart(whileDown) {
      await shutDown()
      try {
        await whileDown?.()
      } finally {
        await launch()
      }
    },
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`)
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return `postgresql://postgres@127.0.0.1:${port}/${name}`
    },
  }
}
