import type { SyncInfo } from '../../../shared/contracts'
import { leaseHolder } from '../../support/clusterNodes'
import { startPostgres } from '../../support/postgresServer'
import { startRedis } from '../../support/redisServer'
import { syncUrl } from '../../support/syncClients'
import {
  emptyKindResult,
  measureWindow,
  type FanoutOptions,
  type KindResult,
} from '../fanout/fanout'
import { startOurServer, type OurServer, type RoomAddress } from '../servers/serverProcess'
import {
  histogramDelta,
  histogramQuantileMs,
  parseHistogram,
  sumHistograms,
  type PromHistogram,
} from './promHistogram'

export type MultinodeOptions = Pick<
  FanoutOptions,
  'clientCounts' | 'warmupMs' | 'measureMs' | 'drainMs' | 'editsPerSecond' | 'cursorsPerSecond'
> & {
  /** Nodes in set-up 3 (three by default). */
  nodes: number
}

export type SetupId = 1 | 2 | 3

/** The server's per-batch store time, read from each node's /metrics around the window. */
export interface PersistLatency {
  /** Batches stored during the window, all nodes together (only an owner stores). */
  batches: number
  /** Batches per node, in node order. */
  perNode: number[]
  p50: number
  p99: number
  meanMs: number
}

export interface MultinodeStep {
  setup: SetupId
  label: string
  clients: number
  edit: KindResult
  cursor: KindResult
  /** Fraction of one core used by each node process in the window, in node order. */
  nodeCpu: number[]
  nodeRssMiB: number[]
  /** Open sync sockets on each node at the window's start (samskapa_connections). */
  sockets: number[]
  /** Index of the node that held the board's lease after the window (set-up 3). */
  owner?: number
  clientCpu: number
  /** Everything else on the machine (PostgreSQL, Redis, other tenants), in cores. */
  otherCpu: number
  iowait: number
  persist: PersistLatency
  /** Receiver-sender pairs whose last cursor never arrived (WindowStats.staleCursorPairs). */
  staleCursorPairs: number
  /** Sockets a server closed during the step. */
  unexpectedCloses: string[]
  /** Warnings and errors the nodes logged during the step, `node-i: line`. */
  serverLogs: string[]
  error?: string
}

const PERSIST = 'samskapa_persist_seconds'
const GRACE_MS = '2000'

interface Setup {
  id: SetupId
  label: string
  nodes: OurServer[]
  databaseUrl?: string
}

/** The same board on another node: its sync URL with that node's host and port. */
function addressOn(node: OurServer, sync: SyncInfo): RoomAddress {
  const serverUrl = `${node.baseUrl.replace(/^http/, 'ws')}/sync`
  return { url: syncUrl({ ...sync, serverUrl }), docName: sync.room }
}

interface NodeReading {
  persist: PromHistogram
  sockets: number
}

async function readNodes(nodes: OurServer[]): Promise<NodeReading[]> {
  return Promise.all(
    nodes.map(async (node) => {
      const text = await node.metricsText()
      const sockets = /^samskapa_connections (\S+)$/m.exec(text)?.[1]
      return { persist: parseHistogram(text, PERSIST), sockets: Number(sockets ?? NaN) }
    }),
  )
}

/** Log lines at warn (40) or above; pino writes `"level":40`. */
function warnings(node: OurServer, from: number): string[] {
  return node
    .logs()
    .slice(from)
    .filter((line) => {
      const level = /"level":(\d+)/.exec(line)
      return !level || Number(level[1]) >= 40
    })
}

async function runStep(
  setup: Setup,
  count: number,
  options: MultinodeOptions,
): Promise<MultinodeStep> {
  const board = await setup.nodes[0]!.createBoard({
    title: `multinode-${setup.id}-${count}-${Date.now()}`,
    template: 'blank',
  })
  const logMarks = setup.nodes.map((node) => node.logs().length)
  let before: NodeReading[] = []
  let after: NodeReading[] = []
  const window = await measureWindow(
    {
      protocol: 'y-websocket',
      addresses: setup.nodes.map((node) => addressOn(node, board.sync)),
      pids: setup.nodes.map((node) => node.pid),
    },
    count,
    options,
    false,
    {
      atStart: async () => void (before = await readNodes(setup.nodes)),
      atEnd: async () => void (after = await readNodes(setup.nodes)),
    },
  )
  const deltas = after.map((reading, i) => histogramDelta(before[i]!.persist, reading.persist))
  const all = sumHistograms(deltas)
  const holder =
    setup.id === 3 && setup.databaseUrl ? await leaseHolder(setup.databaseUrl, board.id) : undefined
  const nodeCpuSum = window.serverCpus.reduce((a, b) => a + b, 0)
  return {
    setup: setup.id,
    label: setup.label,
    clients: count,
    edit: window.edit,
    cursor: window.cursor,
    nodeCpu: window.serverCpus,
    nodeRssMiB: window.serverRssMiB,
    sockets: before.map((reading) => reading.sockets),
    ...(holder !== undefined ? { owner: Number(holder.replace(/^node-/, '')) } : {}),
    clientCpu: window.clientCpu,
    otherCpu: Math.max(0, window.machineCpu - nodeCpuSum - window.clientCpu),
    iowait: window.iowait,
    persist: {
      batches: all.count,
      perNode: deltas.map((h) => h.count),
      p50: histogramQuantileMs(all, 0.5),
      p99: histogramQuantileMs(all, 0.99),
      meanMs: all.count > 0 ? (all.sumSeconds / all.count) * 1000 : NaN,
    },
    staleCursorPairs: window.staleCursorPairs,
    unexpectedCloses: window.unexpectedCloses,
    serverLogs: setup.nodes.flatMap((node, i) =>
      warnings(node, logMarks[i]!).map((line) => `node-${i}: ${line}`),
    ),
  }
}

function failedStep(setup: Setup, clients: number, error: unknown): MultinodeStep {
  const empty = emptyKindResult()
  return {
    setup: setup.id,
    label: setup.label,
    clients,
    edit: empty,
    cursor: empty,
    nodeCpu: setup.nodes.map(() => NaN),
    nodeRssMiB: setup.nodes.map(() => NaN),
    sockets: [],
    clientCpu: NaN,
    otherCpu: NaN,
    iowait: NaN,
    persist: { batches: 0, perNode: [], p50: NaN, p99: NaN, meanMs: NaN },
    staleCursorPairs: NaN,
    unexpectedCloses: [],
    serverLogs: [],
    error: String(error),
  }
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason
  return result.value
}

/**
 * The fan-out load (one board, each client moving a note and a cursor) in three set-ups:
 * one node on SQLite, one node on PostgreSQL (fsync on), and `nodes` nodes sharing that
 * PostgreSQL and one Redis with client i on node i % nodes. Every process runs for the whole
 * scenario and each client count visits the set-ups in turn, so background load on the
 * machine falls on all of them alike.
 */
export async function runMultinode(
  options: MultinodeOptions,
  log: (line: string) => void,
): Promise<MultinodeStep[]> {
  const env = { ROOM_GRACE_MS: GRACE_MS }
  // Whatever started is stopped, also when a later start fails.
  const nodes: OurServer[] = []
  const services: { stop(): Promise<void> }[] = []
  const keep = (node: OurServer) => (nodes.push(node), node)
  const keepService = <T extends { stop(): Promise<void> }>(service: T) => {
    services.push(service)
    return service
  }
  const steps: MultinodeStep[] = []
  try {
    // allSettled: when one fails to start, the others have started (and are kept) by then.
    const [sqliteNode, postgres, redis] = await Promise.allSettled([
      startOurServer({ env, logLevel: 'warn' }).then(keep),
      startPostgres({ durable: true }).then(keepService),
      startRedis().then(keepService),
    ]).then(([a, b, c]) => [settled(a), settled(b), settled(c)] as const)
    const stamp = Date.now()
    const singleUrl = await postgres.createDatabase(`bench_multinode_one_${stamp}`)
    const clusterUrl = await postgres.createDatabase(`bench_multinode_cluster_${stamp}`)
    const postgresNode = await startOurServer({
      env: { ...env, DATABASE_URL: singleUrl },
      logLevel: 'warn',
    }).then(keep)
    // One after another, as a rolling start would: the first creates the tables.
    const clusterNodes: OurServer[] = []
    for (let i = 0; i < options.nodes; i++) {
      const node = await startOurServer({
        env: { ...env, DATABASE_URL: clusterUrl, REDIS_URL: redis.url, NODE_ID: `node-${i}` },
        logLevel: 'warn',
      })
      clusterNodes.push(keep(node))
    }
    const setups: Setup[] = [
      { id: 1, label: '1 node, SQLite', nodes: [sqliteNode] },
      { id: 2, label: '1 node, PostgreSQL', nodes: [postgresNode], databaseUrl: singleUrl },
      {
        id: 3,
        label: `${options.nodes} nodes, PostgreSQL + Redis`,
        nodes: clusterNodes,
        databaseUrl: clusterUrl,
      },
    ]
    for (const count of options.clientCounts) {
      for (const setup of setups) {
        log(`  multinode: ${setup.label} with ${count} clients`)
        try {
          steps.push(await runStep(setup, count, options))
        } catch (error) {
          steps.push(failedStep(setup, count, error))
        }
      }
    }
  } finally {
    // Nodes first, so none of them sees its database or Redis go away under it.
    await Promise.allSettled(nodes.map((node) => node.stop()))
    await Promise.allSettled(services.map((service) => service.stop()))
  }
  return steps
}
