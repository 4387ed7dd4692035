import { ms, ratio, table } from '../format'
import type { BoardMemoryRow } from './boardMemory'
import type { SynthesisTimeRow } from './synthesisTime'

const mib = (value: number) => `${value.toFixed(0)} MiB`

/** Server memory per loaded board at the default limits. */
export function boardMemoryReport(rows: readonly BoardMemoryRow[]): string {
  return table(
    ['board', 'notes', 'doc', 'RSS, none loaded', 'RSS as each loads', 'per board', 'peak'],
    rows.map((row) => [
      row.board,
      row.notes,
      `${row.docMiB.toFixed(1)} MiB`,
      mib(row.baselineMiB),
      row.loadedMiB.map(mib).join(' → '),
      mib(row.perBoardMiB),
      mib(row.peakMiB),
    ]),
  )
}

/** Synthesis of 4 × n factors in one key area: ours, its clustering, and the cubic anchor. */
export function synthesisTimeReport(rows: readonly SynthesisTimeRow[]): string {
  return table(
    [
      'factors',
      'merge (in process) ms',
      'clustering ms',
      'O(n³) clustering ms',
      'ours ÷ O(n³)',
      'via server, cold ms',
      'via server, warm ms',
      'slowest /healthz ms',
    ],
    rows.map((row) => [
      `4 × ${row.factorsPerGroup}`,
      ms(row.mergeMs),
      ms(row.clusterMs),
      row.cubicClusterMs === undefined ? 'skipped' : ms(row.cubicClusterMs),
      row.cubicClusterMs === undefined ? '–' : ratio(row.clusterMs, row.cubicClusterMs),
      ms(row.serverColdMs),
      ms(row.serverMs),
      ms(row.slowestHealthMs),
    ]),
  )
}
