import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from 'redis'
import { freePort } from './serverProcess'

/**
 * A real, throwaway Redis server for tests, on a free port with its files in a temporary
 * directory and no persistence (what Redis holds must never matter to Samskapa).
 */
export interface RedisServer {
  url: string
  stop(): Promise<void>
  /** Stops the server (every connection drops) and starts it again on the same port. */
  restart(whileDown?: () => Promise<void>): Promise<void>
  /** FLUSHALL: what a careless operator or a failover to an empty replica does. */
  flushAll(): Promise<void>
}

function redisBinary(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}

export function redisUnavailableReason(): string | undefined {
  return redisBinary() ? undefined : 'no redis-server on PATH'
}

/** Says in the output that a suite was skipped; in CI (.ci/run installs Redis) it fails. */
export function reportRedisSkip(suite: string) {
  const reason = redisUnavailableReason()
  if (!reason) return
  if (process.env.CI) throw new Error(`${suite}: Redis tests cannot run in CI: ${reason}`)
  console.warn(`${suite}: Redis tests SKIPPED: ${reason}`)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function answersPing(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { reconnectStrategy: false } })
  client.on('error', () => undefined)
  try {
    await client.connect()
    return (await client.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    if (client.isOpen) await client.quit().catch(() => undefined)
  }
}

export async function startRedis(): Promise<RedisServer> {
  const binary = redisBinary()
  if (!binary) throw new Error('redis-server is not installed')
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-redis-'))
  const url = `redis://127.0.0.1:${port}`
  let child: ChildProcess | undefined

  const launch = async () => {
    const started = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    )
    child = started
    const since = Date.now()
    while (!(await answersPing(url))) {
      if (started.exitCode !== null) throw new Error('redis-server exited while starting')
      if (Date.now() - since > 20_000) throw new Error('redis-server did not start')
      await sleep(50)
    }
  }
  const halt = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    const ended = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await ended
  }

  await launch()
  return {
    url,
    async stop() {
      await halt()
      fs.rmSync(dir, { recursive: true, force: true })
    },
    async restart(whileDown) {
      await halt()
      await whileDown?.()
      await launch()
    },
    async flushAll() {
      const client = createClient({ url })
      client.on('error', () => undefined)
      await client.connect()
      await client.flushAll()
      await client.quit()
    },
  }
}
