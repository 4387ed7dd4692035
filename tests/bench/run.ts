import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runFanout, type FanoutOptions } from './fanout/fanout'
import { fanoutReport } from './fanout/report'
import { runWire } from './wire/wire'
import { wireGoals, wireReport } from './wire/report'

/**
 * `npm run bench [-- fanout|wire ...] [--full]`: runs the selected scenarios (all by
 * default) against our server and the anchors in one run, prints tables and writes
 * bench/results/<timestamp>.json. `--full` (or BENCH_FULL=1) adds 300 clients and longer
 * windows. This measures; it asserts nothing.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SCENARIOS = ['fanout', 'wire'] as const
type Scenario = (typeof SCENARIOS)[number]

const args = process.argv.slice(2)
const full = args.includes('--full') || process.env.BENCH_FULL === '1'
const unknown = args.filter((a) => !a.startsWith('--') && !SCENARIOS.includes(a as Scenario))
if (unknown.length > 0) {
  console.error(`Unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`)
  process.exit(2)
}
const chosen = args.filter((a): a is Scenario => SCENARIOS.includes(a as Scenario))
const selected: Scenario[] = chosen.length > 0 ? chosen : [...SCENARIOS]

const fanoutOptions: FanoutOptions = {
  clientCounts: full ? [10, 50, 100, 150, 300] : [10, 50, 100, 150],
  servers: ['ours', 'y-websocket', 'hocuspocus'],
  warmupMs: 3000,
  measureMs: full ? 20_000 : 10_000,
  drainMs: 3000,
  editsPerSecond: 2,
  cursorsPerSecond: 10,
}

const machine = {
  cores: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
}

const log = (line: string) => console.log(line)
const startedAt = new Date()
log(`Samskapa bench — ${startedAt.toISOString()}`)
log(
  `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}`,
)
log(`scenarios: ${selected.join(', ')}${full ? ' (full)' : ''}`)

for (const name of ['clusterQuality', 'synthesisQuality']) {
  if (fs.existsSync(path.join(ROOT, 'tests/bench/quality', `${name}.ts`))) {
    log(`  (quality/${name}.ts present; not run here — the lead wires quality measures)`)
  }
}

const results: Record<string, unknown> = { startedAt: startedAt.toISOString(), machine, full }

if (selected.includes('fanout')) {
  log(
    `\nScenario 1 — fan-out with presence: one room, each client moves a note ${fanoutOptions.editsPerSecond}/s and a cursor ${fanoutOptions.cursorsPerSecond}/s; ${fanoutOptions.warmupMs / 1000} s warm-up, ${fanoutOptions.measureMs / 1000} s window, lost = not arrived ${fanoutOptions.drainMs / 1000} s after the window`,
  )
  const steps = await runFanout(fanoutOptions, log)
  log(`\n${fanoutReport(steps)}`)
  log(
    `CPU is a fraction of one core (${machine.cores} cores in total); the clients share the machine with the server.`,
  )
  results.fanout = { options: fanoutOptions, steps }
}

if (selected.includes('wire')) {
  log(
    '\nScenario 2 — wire size: 30 s pen stroke (1,800 points) and 30 s note drag, 60 changes/s, document bytes only (no presence)',
  )
  const rows = await runWire({ speed: 1 }, log)
  log(`\n${wireReport(rows)}`)
  results.wire = { rows, goals: wireGoals(rows) }
}

const finishedAt = new Date()
results.finishedAt = finishedAt.toISOString()
results.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)))
const outDir = path.join(ROOT, 'bench/results')
fs.mkdirSync(outDir, { recursive: true })
const file = path.join(outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
log(
  `\nTook ${Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000)} s; results in ${path.relative(ROOT, file)}`,
)
