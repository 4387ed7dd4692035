import { ms, ratio, table } from '../format'
import type { EngineRow } from './storageEngines'

const triple = (t: { p50: number; p95: number; p99: number }) =>
  `${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.p99)}`

export function storageEnginesReport(rows: EngineRow[]): string {
  const sqlite = rows.find((row) => row.engine === 'SQLite (FULL)')
  return table(
    [
      'engine',
      'appends',
      'append p50 / p95 / p99 ms',
      'p99 ÷ SQLite',
      'commits',
      'appends per commit',
      'commit p50 / p99 ms',
    ],
    rows.map((row) => [
      row.engine,
      row.appends,
      triple(row.append),
      row === sqlite ? '–' : ratio(row.append.p99, sqlite?.append.p99 ?? NaN),
      row.commits,
      (row.appends / Math.max(1, row.commits)).toFixed(1),
      `${ms(row.commit.p50)} / ${ms(row.commit.p99)}`,
    ]),
  )
}
