import { afterEach, describe, expect, it } from 'vitest'
import { boardClient, sameContent, type BoardClient } from '../fault/boardClient'
import { EditLoad, mergeMax, missingFrom, noteXs } from '../fault/editLoad'
import {
  clusterSuiteAvailable,
  leaseHolder,
  loadFromPostgres,
  sharedServers,
  startClusterNode,
  type ClusterNode,
} from '../support/clusterNodes'
import { createBoard } from '../support/serverProcess'
import { waitFor } from '../support/syncClients'

const available = clusterSuiteAvailable('multinode faults')

let servers: ReturnType<typeof sharedServers>
let nodes: ClusterNode[] = []
const clients: BoardClient[] = []
const loads: EditLoad[] = []

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

afterEach(async () => {
  for (const load of loads.splice(0)) load.stop()
  for (const client of clients.splice(0)) client.provider.destroy()
  for (const node of nodes) node.process.child.kill('SIGCONT')
  await Promise.all(nodes.map((node) => node.process.stop('SIGKILL')))
  nodes = []
})

/** Three nodes, one board, two editing clients on each node. */
async function busyBoard(name: string) {
  const cluster = await servers.cluster(name)
  const databaseUrl = cluster.databaseUrl
  nodes = cluster.nodes
  const board = await createBoard(nodes[0]!.url)
  for (let i = 0; i < 6; i++) {
    const client = boardClient(board.sync, nodes[i % 3]!.url)
    clients.push(client)
    loads.push(new EditLoad(`c${i}`, client.doc))
  }
  await waitFor(() => clients.every((client) => client.provider.synced), 30_000)
  for (const load of loads) load.start(80 + Math.floor(Math.random() * 60))
  return { databaseUrl, board }
}

/** What every client saw of the others' notes: the owner published only what it stored. */
function seenByPeers(): Map<string, number> {
  const seen = new Map<string, number>()
  loads.forEach((load, i) => mergeMax(seen, noteXs(clients[i]!.doc, load.author)))
  return seen
}

/** Edits stop; every client, and a fresh load from PostgreSQL, end with the same board. */
async function expectConvergence(databaseUrl: string, boardId: string) {
  for (const load of loads) load.stop()
  const made = new Map<string, number>()
  loads.forEach((load, i) => mergeMax(made, noteXs(clients[i]!.doc)))
  await waitFor(
    () =>
      clients.every((client) => client.provider.synced) &&
      clients.every((client) => sameContent(client.doc, clients[0]!.doc)),
    60_000,
  )
  const stored = await loadFromPostgres(databaseUrl, boardId)
  expect(missingFrom(noteXs(stored), made)).toEqual([])
  for (const client of clients) expect(sameContent(client.doc, stored)).toBe(true)
}

function logged(node: ClusterNode, message: string): string[] {
  return node.log.filter((line) => line.includes(`"msg":"${message}"`))
}

describe.skipIf(!available)('three nodes under faults', () => {
  servers = sharedServers()

  it('kill -9 of a busy board’s owner: every edit a client saw is stored, another node takes over', async () => {
    const { databaseUrl, board } = await busyBoard('kill')
    await sleep(1500)
    const ownerId = await leaseHolder(databaseUrl, board.id)
    const owner = nodes.find((node) => node.nodeId === ownerId)!
    expect(owner).toBeDefined()
    await owner.process.stop('SIGKILL')
    const seen = seenByPeers()
    expect(seen.size).toBeGreaterThan(0)
    expect(missingFrom(noteXs(await loadFromPostgres(databaseUrl, board.id)), seen)).toEqual([])

    // The survivors take the board once the dead owner's lease lapses, and keep editing.
    await waitFor(async () => {
      const holder = await leaseHolder(databaseUrl, board.id)
      return holder !== undefined && holder !== ownerId
    }, 20_000)
    await sleep(1000)
    // A supervisor restarts the dead node on its address; its clients come back through it.
    const restarted = await startClusterNode(
      `${ownerId}-restarted`,
      {
        databaseUrl,
        redisUrl: servers.redis.url,
      },
      {},
      owner.port,
    )
    nodes[nodes.indexOf(owner)] = restarted
    await sleep(1500)
    await expectConvergence(databaseUrl, board.id)
  }, 120_000)

  it('SIGSTOP of the owner past its lease, then SIGCONT: it steps down without storing, nothing is lost', async () => {
    const { databaseUrl, board } = await busyBoard('stop')
    await sleep(1500)
    const ownerId = await leaseHolder(databaseUrl, board.id)
    const owner = nodes.find((node) => node.nodeId === ownerId)!
    owner.process.child.kill('SIGSTOP')
    await waitFor(async () => {
      const holder = await leaseHolder(databaseUrl, board.id)
      return holder !== undefined && holder !== ownerId
    }, 20_000)
    await sleep(1500)
    owner.process.child.kill('SIGCONT')
    await waitFor(() => logged(owner, 'board dropped; its clients reconnect').length > 0, 20_000)
    const dropped = logged(owner, 'board dropped; its clients reconnect').join('\n')
    expect(dropped).toContain('"reason":"ownerChanged"')
    expect(
      logged(owner, 'STORAGE FAILED: update not stored; board reloads from its last stored state'),
    ).toEqual([])
    await sleep(1500)
    await expectConvergence(databaseUrl, board.id)
  }, 120_000)

  it('FLUSHALL and a restart of Redis cost a pause in fan-out, never an edit', async () => {
    const { databaseUrl, board } = await busyBoard('redis')
    await sleep(1000)
    await servers.redis.flushAll()
    await sleep(1000)
    await servers.redis.restart(() => sleep(1500))
    await sleep(2000)
    // What peers saw is taken before the load: edits go on, and peers see the ones stored
    // after the load read the board (the argument order once made this flaky).
    const seen = seenByPeers()
    expect(missingFrom(noteXs(await loadFromPostgres(databaseUrl, board.id)), seen)).toEqual([])
    await expectConvergence(databaseUrl, board.id)
  }, 120_000)

  it('a PostgreSQL restart under load: edits wait, then all of them are stored', async () => {
    const { databaseUrl, board } = await busyBoard('postgres')
    await sleep(1000)
    await servers.postgres.restart(() => sleep(1500))
    await sleep(3000)
    // What peers saw is taken before the load: edits go on, and peers see the ones stored
    // after the load read the board (the argument order once made this flaky).
    const seen = seenByPeers()
    expect(missingFrom(noteXs(await loadFromPostgres(databaseUrl, board.id)), seen)).toEqual([])
    await expectConvergence(databaseUrl, board.id)
  }, 120_000)
})
