import { monitorEventLoopDelay } from 'node:perf_hooks'
import type {
  RoomAddress,
  ServerName,
  ServerUnderTest,
  WireProtocol,
} from '../servers/serverProcess'
import { SERVERS } from '../servers/serverProcess'
import { cpuFraction, readCpu, readMachine, RssSampler } from '../servers/procStats'
import { Histogram } from './Histogram'
import { LightClient, type ClientListener, type MessageKind, type Receipt } from './LightClient'

export interface FanoutOptions {
  clientCounts: number[]
  servers: ServerName[]
  warmupMs: number
  measureMs: number
  /** How long after the window to wait for late messages before counting them lost. */
  drainMs: number
  editsPerSecond: number
  cursorsPerSecond: number
  /**
   * Also run ours with clients that offer permessage-deflate, as browsers do, so the cost of
   * compression (SYNC_COMPRESSION) shows beside the same load without it.
   */
  compareDeflate: boolean
}

export interface KindResult {
  sent: number
  expected: number
  received: number
  lost: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** What a step that failed to run reports for edits or cursors: nothing measured. */
export function emptyKindResult(): KindResult {
  return { sent: 0, expected: 0, received: 0, lost: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN }
}

export interface FanoutStep {
  server: ServerName
  clients: number
  /** The clients offered permessage-deflate (ours only, with `compareDeflate`). */
  offerDeflate?: boolean
  edit: KindResult
  cursor: KindResult
  serverCpu: number
  serverRssMiB: number
  /** The load generator's own CPU (fraction of a core) and worst event-loop delay. */
  clientCpu: number
  clientLoopDelayP99Ms: number
  /** CPU (in cores) used by everything else on the machine during the window: noise. */
  otherCpu: number
  /** Cores' worth of time spent waiting for I/O during the window (fsync shows here). */
  iowait: number
  receivedMiBPerSecond: number
  error?: string
}

const CONNECT_BATCH = 25
const TICK_MS = 5

export class WindowStats implements ClientListener {
  readonly histograms = { edit: new Histogram(), cursor: new Histogram() }
  readonly sent = { edit: 0, cursor: 0 }
  readonly received = { edit: 0, cursor: 0 }
  bytes = 0
  readonly unexpectedCloses: string[] = []
  /** Per sender, the seq of its last cursor move; per receiver, each sender's newest seen. */
  readonly lastCursorSent = new Map<number, number>()
  readonly newestCursorSeen = new Map<number, Map<number, number>>()
  startMs = Infinity
  endMs = Infinity

  inWindow(sentMs: number) {
    return sentMs >= this.startMs && sentMs < this.endMs
  }

  countSent(kind: MessageKind, sentMs: number) {
    if (this.inWindow(sentMs)) this.sent[kind]++
  }

  onReceipt(receiver: number, receipt: Receipt, arrivedMs: number) {
    if (receipt.kind === 'cursor') {
      let seen = this.newestCursorSeen.get(receiver)
      if (!seen) this.newestCursorSeen.set(receiver, (seen = new Map()))
      if ((seen.get(receipt.sender) ?? 0) < receipt.seq) seen.set(receipt.sender, receipt.seq)
    }
    if (!this.inWindow(receipt.sentMs)) return
    this.received[receipt.kind]++
    this.histograms[receipt.kind].record(arrivedMs - receipt.sentMs)
  }

  onBytes(bytes: number) {
    this.bytes += bytes
  }

  onUnexpectedClose(client: number, code: number, reason: string) {
    this.unexpectedCloses.push(`client ${client}: ${code} ${reason}`)
  }

  /**
   * Receiver-sender pairs in which the receiver never got the sender's last cursor. A cursor
   * replaced by a newer one before it was relayed is coalesced, not lost; a stale pair is a
   * cursor shown in the wrong place for good.
   */
  staleCursorPairs(): number {
    let stale = 0
    for (const [sender, last] of this.lastCursorSent) {
      for (const [receiver] of this.lastCursorSent) {
        if (receiver === sender) continue
        if ((this.newestCursorSeen.get(receiver)?.get(sender) ?? 0) < last) stale++
      }
    }
    return stale
  }

  result(kind: MessageKind, peers: number): KindResult {
    const h = this.histograms[kind]
    const expected = this.sent[kind] * peers
    return {
      sent: this.sent[kind],
      expected,
      received: this.received[kind],
      lost: expected - this.received[kind],
      p50: h.percentile(0.5),
      p95: h.percentile(0.95),
      p99: h.percentile(0.99),
      max: h.max,
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Client i joins `address`, or `address[i % address.length]` to spread over several nodes. */
export async function connectAll(
  address: RoomAddress | RoomAddress[],
  server: Pick<ServerUnderTest, 'protocol'>,
  count: number,
  stats: WindowStats,
  offerDeflate = false,
) {
  const clients: LightClient[] = []
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch: LightClient[] = []
    for (let i = start; i < Math.min(count, start + CONNECT_BATCH); i++) {
      const to = Array.isArray(address) ? address[i % address.length]! : address
      batch.push(new LightClient(i, to, server.protocol, stats, offerDeflate))
    }
    clients.push(...batch)
    await Promise.all(batch.map((client) => client.connect()))
  }
  return clients
}

/**
 * Drives every client from one timer: each has its own phase so that sends spread evenly
 * over time instead of arriving in bursts, the way independent people move.
 */
export function startLoad(
  clients: LightClient[],
  stats: WindowStats,
  options: Pick<FanoutOptions, 'editsPerSecond' | 'cursorsPerSecond'>,
) {
  const editEvery = 1000 / options.editsPerSecond
  const cursorEvery = 1000 / options.cursorsPerSecond
  const origin = performance.now()
  const nextEdit = clients.map((_, i) => origin + (editEvery * i) / clients.length)
  const nextCursor = clients.map((_, i) => origin + (cursorEvery * i) / clients.length)
  const timer = setInterval(() => {
    const now = performance.now()
    for (let i = 0; i < clients.length; i++) {
      const client = clients[i]!
      const angle = now / 1000 + i
      if (now >= nextEdit[i]!) {
        const { sentMs } = client.sendEdit(
          Math.round(500 * Math.cos(angle)),
          Math.round(500 * Math.sin(angle)),
        )
        stats.countSent('edit', sentMs)
        // Catch up at most one period if the loop fell behind, instead of bursting.
        nextEdit[i] = Math.max(nextEdit[i]! + editEvery, now)
      }
      if (now >= nextCursor[i]!) {
        const { seq, sentMs } = client.sendCursor(Math.round(now % 1000), i * 10)
        stats.countSent('cursor', sentMs)
        stats.lastCursorSent.set(client.index, seq)
        nextCursor[i] = Math.max(nextCursor[i]! + cursorEvery, now)
      }
    }
  }, TICK_MS)
  return () => clearInterval(timer)
}

/** Where a window's load goes: client i joins `addresses[i % addresses.length]`. */
export interface LoadTarget {
  protocol: WireProtocol
  addresses: RoomAddress[]
  /** The server processes whose CPU and RSS are read (several nodes: one each). */
  pids: number[]
}

/** Reads taken from the servers just before and just after the measured window. */
export interface WindowHooks {
  atStart?(): Promise<void>
  atEnd?(): Promise<void>
}

export interface WindowResult {
  edit: KindResult
  cursor: KindResult
  /** Fraction of one core used by each of `LoadTarget.pids`, in order. */
  serverCpus: number[]
  serverRssMiB: number[]
  clientCpu: number
  clientLoopDelayP99Ms: number
  /** CPU (in cores) the whole machine used during the window. */
  machineCpu: number
  iowait: number
  receivedMiBPerSecond: number
  /** Sockets the servers closed during the step (`code reason`), each a likely loss. */
  unexpectedCloses: string[]
  /** Pairs whose receiver never got the sender's last cursor, after the drain. */
  staleCursorPairs: number
}

/**
 * Connects `count` clients, runs the load for a warm-up and a measured window, then waits
 * up to `drainMs` for late messages: the fan-out measurement every scenario shares.
 */
export async function measureWindow(
  target: LoadTarget,
  count: number,
  options: Pick<
    FanoutOptions,
    'warmupMs' | 'measureMs' | 'drainMs' | 'editsPerSecond' | 'cursorsPerSecond'
  >,
  offerDeflate = false,
  hooks: WindowHooks = {},
): Promise<WindowResult> {
  const stats = new WindowStats()
  const clients = await connectAll(target.addresses, target, count, stats, offerDeflate)
  const stopLoad = startLoad(clients, stats, options)
  try {
    await sleep(options.warmupMs)
    await hooks.atStart?.()
    const loopDelay = monitorEventLoopDelay({ resolution: 10 })
    const rss = target.pids.map((pid) => new RssSampler(pid))
    const serverCpuStart = target.pids.map((pid) => readCpu(pid))
    const clientCpuStart = process.cpuUsage()
    const machineStart = readMachine()
    const bytesStart = stats.bytes
    loopDelay.enable()
    stats.startMs = performance.now()
    stats.endMs = stats.startMs + options.measureMs
    await sleep(options.measureMs)
    const serverCpus = target.pids.map((pid, i) => cpuFraction(serverCpuStart[i]!, readCpu(pid)))
    const clientCpuUsage = process.cpuUsage(clientCpuStart)
    const machineEnd = readMachine()
    const elapsedS = (performance.now() - stats.startMs) / 1000
    await hooks.atEnd?.()
    loopDelay.disable()
    stopLoad()
    const drainUntil = performance.now() + options.drainMs
    const peers = count - 1
    while (performance.now() < drainUntil) {
      const done =
        stats.received.edit >= stats.sent.edit * peers &&
        stats.received.cursor >= stats.sent.cursor * peers
      if (done) break
      await sleep(50)
    }
    return {
      edit: stats.result('edit', peers),
      cursor: stats.result('cursor', peers),
      serverCpus,
      serverRssMiB: rss.map((sampler) => sampler.stop().peakMiB),
      clientCpu: (clientCpuUsage.user + clientCpuUsage.system) / 1e6 / elapsedS,
      clientLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      machineCpu: (machineEnd.busySeconds - machineStart.busySeconds) / elapsedS,
      iowait: (machineEnd.iowaitSeconds - machineStart.iowaitSeconds) / elapsedS,
      receivedMiBPerSecond: (stats.bytes - bytesStart) / 1024 / 1024 / elapsedS,
      unexpectedCloses: stats.unexpectedCloses,
      staleCursorPairs: stats.staleCursorPairs(),
    }
  } finally {
    stopLoad()
    for (const client of clients) client.close()
    await sleep(500)
  }
}

async function runStep(
  server: ServerUnderTest,
  count: number,
  options: FanoutOptions,
  offerDeflate = false,
): Promise<FanoutStep> {
  const address = await server.createRoom(`fanout-${count}-${Date.now()}`)
  const target = { protocol: server.protocol, addresses: [address], pids: [server.pid] }
  const window = await measureWindow(target, count, options, offerDeflate)
  const serverCpu = window.serverCpus[0]!
  return {
    server: server.name,
    clients: count,
    ...(offerDeflate ? { offerDeflate } : {}),
    edit: window.edit,
    cursor: window.cursor,
    serverCpu,
    serverRssMiB: window.serverRssMiB[0]!,
    clientCpu: window.clientCpu,
    clientLoopDelayP99Ms: window.clientLoopDelayP99Ms,
    otherCpu: Math.max(0, window.machineCpu - serverCpu - window.clientCpu),
    iowait: window.iowait,
    receivedMiBPerSecond: window.receivedMiBPerSecond,
  }
}

/**
 * Scenario 1: one room, N clients each moving a note twice a second and a cursor ten times
 * a second. All servers run at once, each in its own process, and each client count is
 * measured against every server in turn, so that any background load on the machine
 * affects the servers alike rather than whichever happened to run last.
 */
export async function runFanout(
  options: FanoutOptions,
  log: (line: string) => void,
): Promise<FanoutStep[]> {
  const steps: FanoutStep[] = []
  const servers = await Promise.all(options.servers.map((name) => SERVERS[name]()))
  try {
    for (const count of options.clientCounts) {
      for (const server of servers) {
        log(`  fanout: ${server.name} with ${count} clients`)
        try {
          steps.push(await runStep(server, count, options))
        } catch (error) {
          steps.push(failedStep(server.name, count, error))
        }
        if (server.name !== 'ours' || !options.compareDeflate) continue
        log(`  fanout: ours with ${count} clients offering deflate`)
        try {
          steps.push(await runStep(server, count, options, true))
        } catch (error) {
          steps.push({ ...failedStep(server.name, count, error), offerDeflate: true })
        }
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
  return steps
}

function failedStep(server: ServerName, clients: number, error: unknown): FanoutStep {
  const empty = emptyKindResult()
  return {
    server,
    clients,
    edit: empty,
    cursor: empty,
    serverCpu: NaN,
    serverRssMiB: NaN,
    clientCpu: NaN,
    clientLoopDelayP99Ms: NaN,
    otherCpu: NaN,
    iowait: NaN,
    receivedMiBPerSecond: NaN,
    error: String(error),
  }
}
