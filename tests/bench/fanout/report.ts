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

const label = (step: FanoutStep) => (step.offerDeflate ? `${step.server} + deflate` : step.server)

/** Issue 13, goal 4: permessage-deflate may cost the fan-out at most 10 % more server CPU. */
export const DEFLATE_CPU_GOAL = 1.1

/** What offering permessage-deflate costs our server under the same load, per client count. */
function deflateCost(steps: FanoutStep[]): string[] {
  const rows: string[][] = []
  for (const deflated of steps.filter((s) => s.offerDeflate && !s.error)) {
    const plain = steps.find(
      (s) => s.server === deflated.server && s.clients === deflated.clients && !s.offerDeflate,
    )
    if (!plain || plain.error) continue
    const cpu = deflated.serverCpu / plain.serverCpu
    rows.push([
      String(deflated.clients),
      `${pct(plain.serverCpu)} → ${pct(deflated.serverCpu)}`,
      ratio(deflated.serverCpu, plain.serverCpu),
      ratio(deflated.edit.p99, plain.edit.p99),
      ratio(deflated.cursor.p99, plain.cursor.p99),
      Number.isFinite(cpu) ? (cpu <= DEFLATE_CPU_GOAL ? 'yes' : 'NO') : '–',
    ])
  }
  if (rows.length === 0) return []
  return [
    '',
    'Compression cost: ours with clients offering permessage-deflate ÷ ours without (same load):',
    table(
      [
        'clients',
        'server CPU',
        'CPU ratio',
        'edit p99',
        'cursor p99',
        `CPU ≤ ${DEFLATE_CPU_GOAL}×`,
      ],
      rows,
    ),
  ]
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
      `${label(s)}${s.error ? ' (failed)' : ''}`,
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
  for (const ours of steps.filter((s) => s.server === 'ours' && !s.offerDeflate)) {
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
  const errors = steps.filter((s) => s.error).map((s) => `  ${label(s)} @ ${s.clients}: ${s.error}`)
  return [
    main,
    '',
    'Ratios ours / anchor (below 1× is better for us):',
    ratios,
    ...deflateCost(steps),
    ...errors,
  ].join('\n')
}
