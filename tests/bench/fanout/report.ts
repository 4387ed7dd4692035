import os from 'node:os'
import { ms, ratio, table } from '../format'
import type { FanoutStep } from './fanout'

const pct = (value: number) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '–')
const triple = (a: number, b: number, c: number) => `${ms(a)} / ${ms(b)} / ${ms(c)}`
const lost = (step: FanoutStep) => `${step.edit.lost} / ${step.cursor.lost}`

/**
 * Which side ran out of CPU during the window. On a small machine the load generator can
 * saturate before the server does; latencies in such rows measure the machine, not the server.
 */
function saturated(step: FanoutStep): string {
  const sides: string[] = []
  if (step.serverCpu >= 0.9) sides.push('server')
  if (step.clientCpu >= 0.9) sides.push('clients')
  if (
    sides.length === 0 &&
    step.serverCpu + step.clientCpu + step.otherCpu >= 0.9 * os.availableParallelism()
  ) {
    sides.push('machine')
  }
  return sides.join('+') || '–'
}

/** The per-server table and the ours/anchor ratio table for scenario 1. */
export function fanoutReport(steps: FanoutStep[]): string {
  const main = table(
    [
      'clients',
      'server',
      'edit p50/p95/p99 ms',
      'cursor p50/p95/p99 ms',
      'lost edit/cursor',
      'server CPU',
      'server RSS MiB',
      'client CPU',
      'client loop p99 ms',
      'other CPU',
      'iowait',
      'recv MiB/s',
      'saturated',
    ],
    steps.map((s) => [
      s.clients,
      s.error ? `${s.server} (failed)` : s.server,
      triple(s.edit.p50, s.edit.p95, s.edit.p99),
      triple(s.cursor.p50, s.cursor.p95, s.cursor.p99),
      lost(s),
      pct(s.serverCpu),
      s.serverRssMiB.toFixed(0),
      pct(s.clientCpu),
      ms(s.clientLoopDelayP99Ms),
      pct(s.otherCpu),
      pct(s.iowait),
      s.receivedMiBPerSecond.toFixed(2),
      saturated(s),
    ]),
  )
  const ratioRows: string[][] = []
  for (const ours of steps.filter((s) => s.server === 'ours')) {
    for (const anchor of steps.filter((s) => s.server !== 'ours' && s.clients === ours.clients)) {
      ratioRows.push([
        String(ours.clients),
        anchor.server,
        ratio(ours.edit.p50, anchor.edit.p50),
        ratio(ours.edit.p99, anchor.edit.p99),
        ratio(ours.cursor.p50, anchor.cursor.p50),
        ratio(ours.cursor.p99, anchor.cursor.p99),
        ratio(ours.serverCpu, anchor.serverCpu),
        ratio(ours.serverRssMiB, anchor.serverRssMiB),
      ])
    }
  }
  const ratios = table(
    ['clients', 'ours vs', 'edit p50', 'edit p99', 'cursor p50', 'cursor p99', 'CPU', 'RSS'],
    ratioRows,
  )
  const errors = steps.filter((s) => s.error).map((s) => `  ${s.server} @ ${s.clients}: ${s.error}`)
  return [main, '', 'Ratios ours / anchor (below 1× is better for us):', ratios, ...errors].join(
    '\n',
  )
}
