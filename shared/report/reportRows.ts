import { POLARITIES, type Factor, type Polarity } from '../factors'
import type { Report, ReportGroup } from './Report'

/** One factor of one group, flattened: a CSV row, a line in a list. */
export interface FactorRow {
  group: string
  cluster: string | null
  polarity: Polarity
  text: string
  author: string | null
  votes: number
}

function row(group: ReportGroup, cluster: string | null, factor: Factor): FactorRow {
  return {
    group: group.name,
    cluster,
    polarity: factor.polarity,
    text: factor.text,
    author: factor.author ?? null,
    votes: group.votes[factor.id] ?? 0,
  }
}

/** Every factor of every group: clusters in reading order, by polarity, then the unsorted. */
export function factorRows(report: Report): FactorRow[] {
  const rows: FactorRow[] = []
  for (const group of report.groups) {
    for (const cluster of group.clusters) {
      for (const polarity of POLARITIES) {
        for (const factor of cluster[polarity]) rows.push(row(group, cluster.name, factor))
      }
    }
    for (const factor of group.unsorted) rows.push(row(group, null, factor))
  }
  return rows
}
