import type { ServerResponse } from 'node:http'
import {
  REPORT_FORMATS,
  reportFileName,
  type Report,
  type ReportFormat,
} from '../../../shared/report/Report'
import { buildReport } from '../../report/buildReport'
import { REPORT_TYPES, writeReport } from '../../report/writeReport'
import { HttpError, uiLanguage } from '../respond'
import type { Route } from '../Route'
import { workshopFor } from './workshopsCommon'

const ID = '([^/]*)'

export function parseFormat(value: string | null): ReportFormat {
  const format = (value ?? 'md') as ReportFormat
  if (!REPORT_FORMATS.includes(format)) {
    throw new HttpError(400, 'invalid_format', `format must be one of ${REPORT_FORMATS.join(', ')}`)
  }
  return format
}

/** Sends a report file as a download, named for the workshop (RFC 6266 with a UTF-8 name). */
export async function sendReport(res: ServerResponse, report: Report, format: ReportFormat) {
  const bytes = await writeReport(report, format)
  const name = reportFileName(report, format)
  res.writeHead(200, {
    'Content-Type': REPORT_TYPES[format],
    'Content-Length': bytes.length,
    'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  })
  res.end(bytes)
}

export const reportRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/report$`),
    async handle({ req, res, url, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const format = parseFormat(url.searchParams.get('format'))
      await sendReport(res, await buildReport(context, workshop, uiLanguage(req, url)), format)
    },
  },
]
