import { afterEach, describe, expect, it } from 'vitest'
import { boardClient, recordsById, sameContent, type BoardClient } from '../fault/boardClient'
import { EditLoad } from '../fault/editLoad'
import { createBoard } from '../support/serverProcess'
import { waitFor } from '../support/syncClients'
import {
  clusterSuiteAvailable,
  loadFromPostgres,
  sharedServers,
  type ClusterNode,
} from '../support/clusterNodes'

const available = clusterSuiteAvailable('threeNodes')

let nodes: ClusterNode[] = []
const clients: BoardClient[] = []
const loads: EditLoad[] = []

afterEach(async () => {
  for (const load of loads.splice(0)) load.stop()
  for (const client of clients.splice(0)) client.provider.destroy()
  await Promise.all(nodes.map((node) => node.process.stop('SIGKILL')))
  nodes = []
})

describe.skipIf(!available)('three nodes on one PostgreSQL and one Redis', () => {
  const servers = sharedServers()

  it('converges: clients spread over the nodes end equal to a fresh load from PostgreSQL', async () => {
    const cluster = await servers.cluster('converge')
    const databaseUrl = cluster.databaseUrl
    nodes = cluster.nodes
    const board = await createBoard(nodes[1]!.url)
    for (let i = 0; i < 6; i++) {
      const client = boardClient(board.sync, nodes[i % 3]!.url)
      clients.push(client)
      loads.push(new EditLoad(`c${i}`, client.doc))
    }
    await waitFor(() => clients.every((client) => client.provider.synced), 30_000)
    for (const load of loads) load.start(100)
    await new Promise((resolve) => setTimeout(resolve, 3000))
    for (const load of loads) load.stop()

    await waitFor(() => clients.every((client) => sameContent(client.doc, clients[0]!.doc)), 20_000)
    const stored = await loadFromPostgres(databaseUrl, board.id)
    expect(recordsById(stored).length).toBeGreaterThan(6)
    for (const client of clients) expect(sameContent(client.doc, stored)).toBe(true)
  })
})
