import { useTranslation } from 'react-i18next'
import { REPORT_FORMATS } from '../../shared/report/Report'
import type { OutcomeApi } from './outcomeApi'
import './strings'

/** One download link per report format; the file is named by the server. */
export function ReportDownloads({ api }: { api: OutcomeApi }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="muted">{t('outcome.reportIntro')}</p>
      <ul className="report-downloads">
        {REPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              className="button"
              href={api.reportUrl(format)}
              download
              data-format={format}
              aria-label={t('outcome.download', { format: t(`outcome.formats.${format}`) })}
            >
              {t(`outcome.formats.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </>
  )
}
