import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
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
import { sleep } from './faultRuns'

const CLIENTS = 8

let server: ServerProcess | undefined
const clients: BoardClient[] = []
const loads: EditLoad[] = []

afterEach(async () => {
  for (const load of loads.splice(0)) load.stop()
  for (const client of clients.splice(0)) client.provider.destroy()
  await server?.stop('SIGKILL')
  server = undefined
})

describe('graceful stop', () => {
  it('closes every socket with 1012 on SIGTERM and loses nothing across the restart', async () => {
    const port = await freePort()
    const dataDir = tempDataDir()
    server = await startServerProcess(port, dataDir)
    const board = await createBoard(server.url)
    const closeCodes: (number | undefined)[][] = []
    for (let i = 0; i < CLIENTS; i++) {
      const client = boardClient(board.sync, server.url)
      const codes: (number | undefined)[] = []
      client.provider.on('connection-close', (event) => codes.push(event?.code))
      clients.push(client)
      closeCodes.push(codes)
      loads.push(new EditLoad(`g${i}`, client.doc))
    }
    await waitFor(() => clients.every((client) => client.provider.synced), 30_000)
    for (const load of loads) load.start(50)
    await sleep(1_000)

    const exit = await server.stop('SIGTERM')
    expect(exit).toEqual({ code: 0, signal: null })
    const madeBeforeStop = new Map<string, number>()
    loads.forEach((load, i) => mergeMax(madeBeforeStop, noteXs(clients[i]!.doc)))
    const seenByPeers = new Map<string, number>()
    loads.forEach((load, i) => mergeMax(seenByPeers, noteXs(clients[i]!.doc, load.author)))
    expect(closeCodes.map((codes) => codes[0])).toEqual(clients.map(() => CloseCode.serviceRestart))
    expect(missingFrom(noteXs(loadStoredDoc(dataDir, board.id)), seenByPeers)).toEqual([])

    server = await startServerProcess(port, dataDir)
    await waitFor(() => clients.every((client) => client.provider.synced), 60_000)
    for (const load of loads) load.stop()
    const fresh = boardClient(board.sync, server.url)
    clients.push(fresh)
    await waitFor(
      () => fresh.provider.synced && clients.every((client) => sameContent(client.doc, fresh.doc)),
      60_000,
    )
    expect(missingFrom(noteXs(fresh.doc), madeBeforeStop)).toEqual([])
  }, 120_000)
})
