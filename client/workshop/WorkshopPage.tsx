import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../common/LanguageSwitch'
import { FacilitatorPage } from './facilitator/FacilitatorPage'
import './i18n'
import { ParticipantPage } from './participant/ParticipantPage'
import { ViewerPage } from './viewer/ViewerPage'
import './workshop.css'
import { useWorkshopInfo, type WorkshopFailure } from './useWorkshopInfo'
import { workshopApi } from './workshopApi'

/** `/w/<id>?token=…`: what the page shows depends on whose link it is. */
export function WorkshopPage({ workshopId, token }: { workshopId: string; token: string }) {
  const { t } = useTranslation()
  const api = useMemo(() => workshopApi(workshopId, token), [workshopId, token])
  const { info, failure, setFailure } = useWorkshopInfo(api, workshopId, token)

  if (failure) return <WorkshopProblem failure={failure} />
  if (!info) {
    return (
      <main className="page narrow">
        <p role="status">{t('workshop.loading')}</p>
      </main>
    )
  }
  if (info.role === 'facilitator') return <FacilitatorPage info={info} api={api} token={token} />
  if (info.role === 'participant') {
    return (
      <ParticipantPage info={info} api={api} token={token} onErased={() => setFailure('erased')} />
    )
  }
  return <ViewerPage info={info} token={token} />
}

function WorkshopProblem({ failure }: { failure: WorkshopFailure }) {
  const { t } = useTranslation()
  return (
    <div className="page narrow">
      <header className="page-header">
        <a href="/" className="home-link">
          {t('app.name')}
        </a>
        <LanguageSwitch />
      </header>
      <main>
        <h1>{t(`workshop.problem.${failure}.heading`)}</h1>
        <p role={failure === 'offline' ? 'status' : undefined}>
          {t(`workshop.problem.${failure}.body`)}
        </p>
      </main>
    </div>
  )
}
