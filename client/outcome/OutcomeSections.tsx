import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopInfo } from '../../shared/workshopContracts'
import { WorkshopPdfButton } from '../export/WorkshopPdfButton'
import { outcomeApi } from './outcomeApi'
import { PublishPanel } from './PublishPanel'
import { ReportDownloads } from './ReportDownloads'
import './outcome.css'
import './strings'

/** The facilitator's report downloads and open page, as cards of the side column. */
export function OutcomeSections({ info, token }: { info: WorkshopInfo; token: string }) {
  const workshopId = info.id
  const { t, i18n } = useTranslation()
  const api = useMemo(
    () => outcomeApi(workshopId, token, i18n.language === 'en' ? 'en' : 'sv'),
    [workshopId, token, i18n.language],
  )
  return (
    <>
      <section aria-labelledby="report-heading" className="card">
        <h2 id="report-heading">{t('outcome.reportHeading')}</h2>
        <ReportDownloads api={api} />
        <WorkshopPdfButton boards={info.boards} token={token} title={info.title} />
      </section>
      <section aria-labelledby="publish-heading" className="card">
        <h2 id="publish-heading">{t('outcome.publishHeading')}</h2>
        <PublishPanel api={api} />
      </section>
    </>
  )
}
