import type { Report, ReportFormat } from '../../shared/report/Report'
import { reportToCsv } from '../../shared/report/toCsv'
import { reportToJson } from '../../shared/report/toJson'
import { reportToMarkdown } from '../../shared/report/toMarkdown'
import { reportToDocx } from './toDocx'

export const REPORT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/** The report's bytes in one format. */
export async function writeReport(report: Report, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(reportToMarkdown(report), 'utf8')
    case 'csv':
      return Buffer.from(reportToCsv(report), 'utf8')
    case 'json':
      return Buffer.from(reportToJson(report), 'utf8')
    case 'docx':
      return reportToDocx(report)
  }
}
