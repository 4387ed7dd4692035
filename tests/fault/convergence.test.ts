import fs from 'node:fs'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startTestServer, type TestServer } from '../support/testServer'
import { freePort, tempDataDir } from '../support/serverProcess'
import { loadStoredDoc } from '../support/storedBoard'
import { waitFor } from '../support/syncClients'
import { applyBoardOp, faultOp, type FaultOp } from './boardOps'
import { boardClient, recordsById, sameContent, type BoardClient } from './boardClient'
import { FAULT_FULL, sleep } from './faultRuns'

let server: TestServer | undefined
let clients: BoardClient[] = []

afterEach(async () => {
  await cleanUp()
})

async function cleanUp() {
  for (const client of clients) client.provider.destroy()
  clients = []
  await server?.stop()
  server = undefined
}

/** Runs one case: clients edit while connections drop and the server restarts, then rest. */
async function runCase(clientCount: number, ops: FaultOp[]) {
  const port = await freePort()
  const dataDir = tempDataDir()
  const env = { PORT: String(port) }
  server = await startTestServer(env, dataDir)
  const board = await server.createBoard()
  clients = Array.from({ length: clientCount }, () => boardClient(board.sync, server!.url))
  let counter = 0
  const newId = () => `shape:f${counter++}`

  for (const op of ops) {
    const client = 'client' in op ? clients[op.client % clientCount]! : undefined
    if (op.kind === 'disconnect') client!.provider.disconnect()
    else if (op.kind === 'connect') client!.provider.connect()
    else if (op.kind === 'pause') await sleep(op.ms)
    else if (op.kind === 'restart') {
      await server.stop()
      server = await startTestServer(env, dataDir)
    } else applyBoardOp(client!.doc, op, newId)
  }

  for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect()
  const roomDoc = () => server!.rooms.get(board.id)?.doc
  await waitFor(
    () =>
      clients.every((client) => client.provider.synced) &&
      roomDoc() !== undefined &&
      clients.every((client) => sameContent(client.doc, roomDoc()!)),
    30_000,
  ).catch(() => undefined)

  const expected = recordsById(clients[0]!.doc)
  const expectedVector = Y.encodeStateVector(clients[0]!.doc)
  for (const client of clients) {
    expect(recordsById(client.doc)).toEqual(expected)
    expect(Y.encodeStateVector(client.doc)).toEqual(expectedVector)
  }
  await cleanUp()
  const stored = loadStoredDoc(dataDir, board.id)
  expect(recordsById(stored)).toEqual(expected)
  expect(Y.encodeStateVector(stored)).toEqual(expectedVector)
  fs.rmSync(dataDir, { recursive: true, force: true })
}

describe('convergence under faults', () => {
  it(
    'brings every client and storage to the same board after edits, drops and restarts',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 3, max: 10 }),
          fc.array(faultOp, { minLength: 1, maxLength: 16 }),
          async (clientCount, ops) => {
            try {
              await runCase(clientCount, ops)
            } finally {
              await cleanUp()
            }
          },
        ),
        { numRuns: FAULT_FULL ? 1000 : 100 },
      )
    },
    FAULT_FULL ? 3_600_000 : 240_000,
  )
})
