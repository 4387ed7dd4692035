import { afterEach, describe, expect, it } from 'vitest'
import { loadStoredDoc } from '../support/storedBoard'
import {
  createBoard,
  freePort,
  startServerProcess,
  tempDataDir,
  type ServerProcess,
} from '../support/serverProcess'
import { waitFor } from '../support/syncClients'
import { boardClient, sameContent, type BoardClient } from './boardClient'
import { EditLoad, mergeMax, missingFrom, noteXs } from './editLoad'
import { FAULT_FULL, sleep } from './faultRuns'

const CLIENTS = 20
const ROUNDS = FAULT_FULL ? 25 : 5

let server: ServerProcess | undefined
const clients: BoardClient[] = []
const loads: EditLoad[] = []

afterEach(async () => {
  for (const load of loads.splice(0)) load.stop()
  for (const client of clients.splice(0)) client.provider.destroy()
  await server?.stop('SIGKILL')
  server = undefined
})

describe('crash', () => {
  it(
    'keeps every edit a peer received when the server is killed under load',
    async () => {
      const port = await freePort()
      const dataDir = tempDataDir()
      server = await startServerProcess(port, dataDir)
      const board = await createBoard(server.url)
      for (let i = 0; i < CLIENTS; i++) {
        const client = boardClient(board.sync, server.url)
        clients.push(client)
        loads.push(new EditLoad(`c${i}`, client.doc))
      }
      await waitFor(() => clients.every((client) => client.provider.synced), 30_000)
      for (const load of loads) load.start(150 + Math.floor(Math.random() * 100))

      for (let round = 0; round < ROUNDS; round++) {
        await sleep(300 + Math.random() * 1500)
        await server.stop('SIGKILL')
        // The server is dead, so the clients' docs now hold all that was ever relayed to them.
        const seenByPeers = new Map<string, number>()
        loads.forEach((load, i) => mergeMax(seenByPeers, noteXs(clients[i]!.doc, load.author)))
        const stored = noteXs(loadStoredDoc(dataDir, board.id))
        expect(seenByPeers.size).toBeGreaterThan(0)
        expect(missingFrom(stored, seenByPeers), `round ${round}`).toEqual([])

        server = await startServerProcess(port, dataDir)
        await waitFor(() => clients.every((client) => client.provider.synced), 60_000)
      }

      for (const load of loads) load.stop()
      const made = new Map<string, number>()
      loads.forEach((load, i) => mergeMax(made, noteXs(clients[i]!.doc)))
      const fresh = boardClient(board.sync, server.url)
      clients.push(fresh)
      await waitFor(
        () =>
          clients.every((client) => client.provider.synced) &&
          clients.every((client) => sameContent(client.doc, fresh.doc)),
        60_000,
      )
      expect(missingFrom(noteXs(fresh.doc), made)).toEqual([])

      for (const client of clients.splice(0)) client.provider.destroy()
      await server.stop('SIGTERM')
      expect(missingFrom(noteXs(loadStoredDoc(dataDir, board.id)), made)).toEqual([])
    },
    // Five restarts of a tsx-started server: on a shared 2-core machine each can take 20 s.
    FAULT_FULL ? 1_200_000 : 300_000,
  )
})
