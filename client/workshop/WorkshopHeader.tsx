import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../common/LanguageSwitch'
import type { WorkshopInfo } from '../../shared/workshopContracts'

/** The header of every workshop page: title, date and track, language. */
export function WorkshopHeader({ info, subtitle }: { info: WorkshopInfo; subtitle: string }) {
  const { t, i18n } = useTranslation()
  const date = info.date
    ? new Date(`${info.date}T12:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'long' })
    : undefined
  const track = info.track
    ? t(`workshop.track.${info.track}`, { defaultValue: info.track })
    : undefined
  return (
    <header className="page-header workshop-header">
      <div>
        <p className="eyebrow">
          <a href="/" className="home-link">
            {t('app.name')}
          </a>{' '}
          · {subtitle}
        </p>
        <h1>{info.title}</h1>
        {(date || track) && <p className="muted">{[date, track].filter(Boolean).join(' · ')}</p>}
      </div>
      <LanguageSwitch />
    </header>
  )
}
