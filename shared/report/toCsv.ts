import Papa from 'papaparse'
import type { Report } from './Report'
import { factorRows } from './reportRows'
import { reportStrings } from './reportStrings'

/**
 * One row per factor: workshop, group, cluster or key area, polarity, text, author (empty
 * when anonymous), votes. Every cell is quoted, and a cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, as
 * OWASP advises; papaparse's `escapeFormulae` does exactly that. A BOM makes Excel read UTF-8.
 */
export function reportToCsv(report: Report): string {
  const s = reportStrings(report.language)
  const rows = factorRows(report).map((row) => [
    report.title,
    row.group,
    row.cluster ?? s.unsorted,
    s.polarity[row.polarity],
    row.text,
    row.author ?? '',
    String(row.votes),
  ])
  return `\uFEFF${Papa.unparse([s.csvHeader as string[], ...rows], { quotes: true, escapeFormulae: true, newline: '\r\n' })}\r\n`
}
