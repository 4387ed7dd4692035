import type { Report } from './Report'

/** The report as JSON: the same model the other formats are written from, for other tools. */
export function reportToJson(report: Report): string {
  return `${JSON.stringify({ format: 'samskapa-report', version: 1, ...report }, null, 2)}\n`
}
