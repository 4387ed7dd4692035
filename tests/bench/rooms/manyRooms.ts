import { cpuFraction, readCpu, readMachine, readRssMiB, RssSampler } from '../servers/procStats'
import { startOurServer, type OurServer } from '../servers/serverProcess'
import { connectAll, startLoad, WindowStats, type KindResult } from '../fanout/fanout'
import type { LightClient } from '../fanout/LightClient'

export interface ManyRoomsOptions {
  groups: number
  groupSize: number
  plenary: number
  warmupMs: number
  measureMs: number
  drainMs: number
  editsPerSecond: number
  cursorsPerSecond: number
}

export interface RoomClassResult {
  rooms: number
  clientsPerRoom: number
  edit: KindResult
  cursor: KindResult
}

export interface ManyRoomsResult {
  options: ManyRoomsOptions
  connectMs: number
  groups: RoomClassResult
  plenary: RoomClassResult
  /** Server before any room (after GC), and with every room loaded and busy. */
  baseline: { rssMiB: number; heapUsedMiB: number }
  loaded: { peakRssMiB: number; rssMiB: number; heapUsedMiB: number }
  serverCpu: number
  clientCpu: number
  otherCpu: number
  /** Sockets the server closed (or that dropped) during the run, by close code and reason. */
  unexpectedCloses: Record<string, number>
  error?: string
}

const MiB = 1024 * 1024
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Counts sockets that closed without the harness asking, on top of the window's receipts. */
class RoomStats extends WindowStats {
  constructor(private readonly closes: Record<string, number>) {
    super()
  }

  override onUnexpectedClose(_client: number, code: number, reason: string) {
    const key = `${code} ${reason}`.trim()
    this.closes[key] = (this.closes[key] ?? 0) + 1
  }
}

async function heapUsedMiB(server: OurServer) {
  return ((await server.metrics()).get('nodejs_heap_size_used_bytes') ?? NaN) / MiB
}

async function openRooms(
  server: OurServer,
  label: string,
  rooms: number,
  size: number,
  stats: RoomStats,
) {
  const clients: LightClient[] = []
  for (let r = 0; r < rooms; r++) {
    const address = await server.createRoom(`${label}-${r}`)
    clients.push(...(await connectAll(address, server, size, stats)))
  }
  return clients
}

/**
 * Scenario 5: a whole workshop on one server: `groups` group rooms of `groupSize` light
 * clients and one plenary room of `plenary`, all moving notes and cursors at once (the
 * fan-out scenario's clients and load). Our server only: it is the one that stores and
 * validates; the anchors' per-room cost is visible in the fan-out scenario.
 */
export async function runManyRooms(
  options: ManyRoomsOptions,
  log: (line: string) => void,
): Promise<ManyRoomsResult> {
  const closes: Record<string, number> = {}
  const groupStats = new RoomStats(closes)
  const plenaryStats = new RoomStats(closes)
  const server = await startOurServer({ env: { MAX_CONNECTIONS_PER_ADDRESS: '10000' } })
  const clients: LightClient[] = []
  const stops: (() => void)[] = []
  try {
    await server.collectGarbage()
    const baseline = { rssMiB: readRssMiB(server.pid), heapUsedMiB: await heapUsedMiB(server) }
    const total = options.groups * options.groupSize + options.plenary
    log(`  many rooms: connecting ${total} clients to ${options.groups + 1} rooms`)
    const connectStarted = performance.now()
    const groupClients = await openRooms(
      server,
      'group',
      options.groups,
      options.groupSize,
      groupStats,
    )
    const plenaryClients = await openRooms(server, 'plenary', 1, options.plenary, plenaryStats)
    const connectMs = performance.now() - connectStarted
    clients.push(...groupClients, ...plenaryClients)
    stops.push(
      startLoad(groupClients, groupStats, options),
      startLoad(plenaryClients, plenaryStats, options),
    )
    await sleep(options.warmupMs)
    log(`  many rooms: ${options.measureMs / 1000} s window`)
    const rss = new RssSampler(server.pid)
    const serverCpuStart = readCpu(server.pid)
    const clientCpuStart = process.cpuUsage()
    const machineStart = readMachine()
    const windowStart = performance.now()
    for (const stats of [groupStats, plenaryStats]) {
      stats.startMs = windowStart
      stats.endMs = windowStart + options.measureMs
    }
    await sleep(options.measureMs)
    const elapsedS = (performance.now() - windowStart) / 1000
    const serverCpu = cpuFraction(serverCpuStart, readCpu(server.pid))
    const clientUsage = process.cpuUsage(clientCpuStart)
    const clientCpu = (clientUsage.user + clientUsage.system) / 1e6 / elapsedS
    const machineCpu = (readMachine().busySeconds - machineStart.busySeconds) / elapsedS
    for (const stop of stops) stop()
    const peakRssMiB = rss.stop().peakMiB
    const drainUntil = performance.now() + options.drainMs
    const settled = (stats: WindowStats, peers: number) =>
      stats.received.edit >= stats.sent.edit * peers &&
      stats.received.cursor >= stats.sent.cursor * peers
    while (
      performance.now() < drainUntil &&
      !(settled(groupStats, options.groupSize - 1) && settled(plenaryStats, options.plenary - 1))
    ) {
      await sleep(50)
    }
    await server.collectGarbage()
    const loaded = {
      peakRssMiB,
      rssMiB: readRssMiB(server.pid),
      heapUsedMiB: await heapUsedMiB(server),
    }
    const result = (stats: WindowStats, rooms: number, size: number): RoomClassResult => ({
      rooms,
      clientsPerRoom: size,
      edit: stats.result('edit', size - 1),
      cursor: stats.result('cursor', size - 1),
    })
    return {
      options,
      connectMs,
      groups: result(groupStats, options.groups, options.groupSize),
      plenary: result(plenaryStats, 1, options.plenary),
      baseline,
      loaded,
      serverCpu,
      clientCpu,
      otherCpu: Math.max(0, machineCpu - serverCpu - clientCpu),
      unexpectedCloses: closes,
    }
  } finally {
    for (const stop of stops) stop()
    for (const client of clients) client.close()
    await server.stop()
  }
}
