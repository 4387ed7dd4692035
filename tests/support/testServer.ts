import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DestinationStream } from 'pino'
import { startServer, type SamskapaServer } from '../../server/app'
import { readConfig } from '../../server/config'
import type { BoardInfo } from '../../shared/contracts'

const boardTokens = new Map<string, string>()

/** `?token=…` with the facilitator token of a board made by `createBoard`. */
export function tokenQuery(boardId: string): string {
  const token = boardTokens.get(boardId)
  return token ? `?token=${encodeURIComponent(token)}` : ''
}

export interface TestServer extends SamskapaServer {
  dataDir: string
  createBoard(body?: Record<string, unknown>): Promise<BoardInfo>
}

/** A real server on a random port with its own temporary DATA_DIR. */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-test-')),
  logDestination?: DestinationStream,
): Promise<TestServer> {
  const config = readConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ROOM_GRACE_MS: '200',
    ...env,
  })
  const server = await startServer(config, undefined, logDestination)
  return {
    ...server,
    dataDir,
    async createBoard(body = {}) {
      const response = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (response.status !== 201) throw new Error(`create board: ${response.status}`)
      const board = (await response.json()) as BoardInfo
      if (board.sync.params.token) boardTokens.set(board.id, board.sync.params.token)
      return board
    },
  }
}

/** Log lines a test server writes, kept in memory so a test can read what operators see. */
export function logCapture() {
  const lines: string[] = []
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) }
  return { lines, destination }
}
