import os from 'node:os'
import { ms, ratio, table } from '../format'
import type { MultinodeStep } from './multinode'

const pct = (value: number) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '–')
const triple = (a: number, b: number, c: number) => `${ms(a)} / ${ms(b)} / ${ms(c)}`
const ratios = (pairs: [number, number][]) => pairs.map(([a, b]) => ratio(a, b)).join(' / ')
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** Each node's CPU, the owner (the lease holder) marked with `*`. */
function perNode(step: MultinodeStep): string {
  return step.nodeCpu.map((cpu, i) => `${pct(cpu)}${step.owner === i ? '*' : ''}`).join(' / ')
}

function row(step: MultinodeStep): (string | number)[] {
  return [
    step.clients,
    `${step.setup}. ${step.label}${step.error ? ' (failed)' : ''}`,
    triple(step.edit.p50, step.edit.p95, step.edit.p99),
    triple(step.cursor.p50, step.cursor.p95, step.cursor.p99),
    `${step.edit.lost} / ${step.cursor.lost}`,
    Number.isFinite(step.staleCursorPairs)
      ? `${step.staleCursorPairs} of ${step.clients * (step.clients - 1)}`
      : '–',
    perNode(step),
    pct(sum(step.nodeCpu)),
    pct(step.otherCpu),
    pct(step.clientCpu),
  ]
}

/** The step divided by set-up 1 at the same client count, column by column. */
function ratioRow(step: MultinodeStep, base: MultinodeStep): string[] {
  const baseCpu = base.nodeCpu[0]!
  return [
    '',
    `   ÷ set-up 1`,
    ratios([
      [step.edit.p50, base.edit.p50],
      [step.edit.p95, base.edit.p95],
      [step.edit.p99, base.edit.p99],
    ]),
    ratios([
      [step.cursor.p50, base.cursor.p50],
      [step.cursor.p95, base.cursor.p95],
      [step.cursor.p99, base.cursor.p99],
    ]),
    step.edit.lost + step.cursor.lost === 0 && base.edit.lost + base.cursor.lost === 0
      ? '0 / 0'
      : ratios([
          [step.edit.lost, base.edit.lost],
          [step.cursor.lost, base.cursor.lost],
        ]),
    '',
    step.nodeCpu.map((cpu) => ratio(cpu, baseCpu)).join(' / '),
    ratio(sum(step.nodeCpu), sum(base.nodeCpu)),
    ratio(step.otherCpu, base.otherCpu),
    ratio(step.clientCpu, base.clientCpu),
  ]
}

function persistTable(steps: MultinodeStep[]): string {
  return table(
    [
      'clients',
      'set-up',
      'sockets per node',
      'batches (per node)',
      'p50 ms',
      'p99 ms',
      'mean ms',
      'iowait',
    ],
    steps.map((s) => [
      s.clients,
      `${s.setup}. ${s.label}`,
      s.sockets.join(' / '),
      s.persist.perNode.length > 1
        ? `${s.persist.batches} (${s.persist.perNode.join(' / ')})`
        : String(s.persist.batches),
      ms(s.persist.p50),
      ms(s.persist.p99),
      ms(s.persist.meanMs),
      pct(s.iowait),
    ]),
  )
}

/** What three machines would see, reasoned from the CPU each node used here. */
function prediction(steps: MultinodeStep[]): string[] {
  const lines: string[] = []
  const counts = [...new Set(steps.map((s) => s.clients))]
  for (const clients of counts) {
    const one = steps.find((s) => s.clients === clients && s.setup === 2 && !s.error)
    const three = steps.find((s) => s.clients === clients && s.setup === 3 && !s.error)
    if (!one || !three) continue
    const single = one.nodeCpu[0]!
    const busiest = Math.max(...three.nodeCpu)
    const others = three.nodeCpu.filter((cpu) => cpu !== busiest)
    const owner = three.owner !== undefined ? three.nodeCpu[three.owner] : undefined
    const replicas = three.nodeCpu.filter((_, i) => i !== three.owner)
    lines.push(
      `- ${clients} clients: one PostgreSQL node used ${pct(single)} of a core for all of them; ` +
        `with ${three.nodeCpu.length} nodes, ${Math.round(clients / three.nodeCpu.length)} clients each, ` +
        (owner !== undefined
          ? `the owner used ${pct(owner)} and the others ${replicas.map(pct).join(' and ')}`
          : `the nodes used ${three.nodeCpu.map(pct).join(', ')}`) +
        ` (together ${pct(sum(three.nodeCpu))}, ${ratio(sum(three.nodeCpu), single)} the single node: ` +
        `what the cluster adds in Redis traffic, forwarding and each node's own copy of the doc). ` +
        `On ${three.nodeCpu.length} machines each node would do what it did here, so the busiest ` +
        `(${three.owner !== undefined && busiest === owner ? 'the owner, which checks and stores every edit' : 'a node'}) ` +
        `would be ${ratio(busiest, single)} as loaded as one machine serving everyone ` +
        `and the others ${others.map((cpu) => ratio(cpu, single)).join(' and ')}.`,
    )
  }
  return lines
}

/**
 * PRESENCE_BATCH_ABOVE (20 by default) counts a node's own sockets: a board whose clients
 * are spread over nodes may relay cursors at once where one node would batch them.
 */
function batchingNote(steps: MultinodeStep[]): string[] {
  const spread = steps.filter(
    (s) => s.setup === 3 && s.clients > 20 && s.sockets.length > 0 && Math.max(...s.sockets) <= 20,
  )
  if (spread.length === 0) return []
  const counts = spread.map((s) => s.clients).join(', ')
  return [
    `Cursor latency at ${counts} clients is not like for like: a room batches presence (40 ms) only above PRESENCE_BATCH_ABOVE = 20 sockets, and that counts a node's own sockets, so spread over the nodes (at most 20 each) cursors are relayed at once, while one node with all of them batches.`,
  ]
}

/** The table of scenario multinode, the store-time table and what they can and cannot show. */
export function multinodeReport(steps: MultinodeStep[]): string {
  const rows: (string | number)[][] = []
  for (const step of steps) {
    rows.push(row(step))
    const base = steps.find((s) => s.clients === step.clients && s.setup === 1 && !s.error)
    if (step.setup !== 1 && base && !step.error) rows.push(ratioRow(step, base))
  }
  const main = table(
    [
      'clients',
      'set-up',
      'edit p50/p95/p99 ms',
      'cursor p50/p95/p99 ms',
      'lost edit/cursor',
      'last cursor missing',
      'CPU per node (* owner)',
      'CPU nodes',
      'other CPU',
      'client CPU',
    ],
    rows,
  )
  const cores = os.availableParallelism()
  const problems = steps.flatMap((s) => {
    const where = `${s.setup}. ${s.label} @ ${s.clients}`
    return [
      ...(s.error ? [`  ${where}: ${s.error}`] : []),
      ...(s.unexpectedCloses.length > 0
        ? [
            `  ${where}: ${s.unexpectedCloses.length} sockets closed by the server (${[...new Set(s.unexpectedCloses.map((c) => c.replace(/^client \d+: /, '')))].join('; ')})`,
          ]
        : []),
      ...(s.serverLogs.length > 0
        ? [
            `  ${where}: ${s.serverLogs.length} warnings/errors logged, first: ${s.serverLogs.slice(0, 3).join(' | ')}`,
          ]
        : []),
    ]
  })
  return [
    'CPU: fraction of one core per node process in the window; "other CPU": the rest of the machine (PostgreSQL, Redis, anything else running), in cores. Lost: sent in the window but not received by some peer within the drain (a cursor replaced by a newer one within a presence batch is never sent, by design, so cursor losses include those). Last cursor missing: receiver-sender pairs in which the sender\'s final cursor never arrived, i.e. a cursor left in the wrong place.',
    main,
    '',
    "Store time per batch: samskapa_persist_seconds from each node's /metrics (read before and after the window; append start → stored, so it includes the wait for PostgreSQL's group commit; only the owner stores). The server does not expose the commit time itself per node; quantiles are interpolated in the histogram's buckets (0.5, 1, 2.5, 5, 10, 25, 50 ms …), so they are coarse; the mean is exact.",
    persistTable(steps),
    ...(problems.length > 0
      ? ['', 'Problems seen:', ...problems]
      : ['', 'No socket closed by a server, no warning or error logged by any node.']),
    '',
    `What this machine cannot show: the ${steps.find((s) => s.setup === 3)?.nodeCpu.length ?? 3} nodes, PostgreSQL, Redis and the load generator share ${cores} cores, and every hop is loopback. Set-up 3 therefore measures correctness (nothing lost across nodes) and overhead (extra CPU and latency for the Redis hops and forwarding), not scale-out: its latencies include waiting for a core, and adding nodes here can only make them worse.`,
    `What it predicts for ${steps.find((s) => s.setup === 3)?.nodeCpu.length ?? 3} machines (compared with set-up 2, the same storage on one node):`,
    ...prediction(steps),
    'CPU times are read under contention for the cores, which inflates them somewhat (context switches, cold caches); the ratios between set-ups are the figures to use.',
    ...batchingNote(steps),
    'On separate machines each hop becomes a network round trip (about 0.2–0.5 ms in one data centre): an edit from a client on a non-owner node travels client → node → Redis → owner → PostgreSQL commit → Redis → node → client, so edit latency there gains a few such trips over set-up 2; a cursor goes node → Redis → node, one trip more.',
  ].join('\n')
}
