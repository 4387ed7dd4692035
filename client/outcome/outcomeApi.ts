import type { PublishBody, Published, PublishCheck } from '../../shared/publishContracts'
import type { ReportFormat } from '../../shared/report/Report'
import { request } from '../common/api'

/** The workshop's report and open page, asked with the facilitator's token. */
export function outcomeApi(workshopId: string, token: string, language: string) {
  const at = (rest: string, query: Record<string, string> = {}) =>
    `/api/workshops/${encodeURIComponent(workshopId)}${rest}?${new URLSearchParams({
      token,
      lang: language,
      ...query,
    }).toString()}`
  return {
    /** A plain link: the browser downloads the file under its Content-Disposition name. */
    reportUrl: (format: ReportFormat) => at('/report', { format }),
    check: () => request<PublishCheck>(at('/publish')),
    publish: (body: PublishBody) =>
      request<Published>(at('/publish'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    unpublish: () => request<void>(at('/publish'), { method: 'DELETE' }),
  }
}

export type OutcomeApi = ReturnType<typeof outcomeApi>
