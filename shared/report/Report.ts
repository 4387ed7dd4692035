import type { ClusterOutcome, Factor } from '../factors'
import type { Synthesis } from '../workshopContracts'

export type ReportLanguage = 'sv' | 'en'
export const REPORT_FORMATS = ['md', 'docx', 'csv', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** One step of the day's agenda with the times it actually ran (empty until an agenda exists). */
export interface ReportStep {
  name: string
  startedAt: number | null
  endedAt: number | null
}

/** A group board's result, with vote counts per factor id when the board was voted on. */
export interface ReportGroup {
  id: string
  name: string
  clusters: ClusterOutcome[]
  unsorted: Factor[]
  votes: Record<string, number>
}

/** An image the graphic recorder placed on the recorder board, with its alt text. */
export interface ReportCapture {
  label: string
  altText: string
  src: string
}

/**
 * Everything a workshop's report says, built once on the server and written out as Markdown,
 * CSV, JSON or DOCX by the builders beside this file. Authors are already absent when the
 * board is anonymous or names were left out.
 */
export interface Report {
  title: string
  date: string | null
  track: string | null
  language: ReportLanguage
  generatedAt: number
  agenda: ReportStep[]
  synthesis: Synthesis
  groups: ReportGroup[]
  captures: ReportCapture[]
}

/** The report without any author's name: what a published page may show by default. */
export function withoutNames(report: Report): Report {
  const strip = (factor: Factor): Factor => ({ ...factor, author: undefined })
  return {
    ...report,
    groups: report.groups.map((group) => ({
      ...group,
      unsorted: group.unsorted.map(strip),
      clusters: group.clusters.map((cluster) => ({
        ...cluster,
        hindering: cluster.hindering.map(strip),
        enabling: cluster.enabling.map(strip),
        undecided: cluster.undecided.map(strip),
      })),
    })),
  }
}

/** The file name of a report download, e.g. `traff-2-2025-03-14.md`. */
export function reportFileName(report: Report, format: ReportFormat): string {
  const base = `${report.title} ${report.date ?? ''}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${base || 'workshop'}.${format}`
}
