import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../common/api'
import { LanguageSwitch } from '../common/LanguageSwitch'
import { FacilitatorPage } from './facilitator/FacilitatorPage'
import './i18n'
import { ParticipantPage } from './participant/ParticipantPage'
import type { WorkshopInfo } from '../../shared/workshopContracts'
import { ViewerPage } from './viewer/ViewerPage'
import './workshop.css'
import { workshopApi } from './workshopApi'

type Failure = 'unauthorized' | 'notFound' | 'error'

/** `/w/<id>?token=…`: what the page shows depends on whose link it is. */
export function WorkshopPage({ workshopId, token }: { workshopId: string; token: string }) {
  const { t } = useTranslation()
  const api = useMemo(() => workshopApi(workshopId, token), [workshopId, token])
  const [info, setInfo] = useState<WorkshopInfo>()
  const [failure, setFailure] = useState<Failure>()

  useEffect(() => {
    api.info().then(
      (workshop) => {
        // A signed-in facilitator who came by another link (or none) continues on theirs.
        const own = workshop.role === 'facilitator' && workshop.links?.facilitator
        if (own && new URL(own).searchParams.get('token') !== token) {
          location.replace(own)
          return
        }
        document.title = `${workshop.title} – Samskapa`
        setInfo(workshop)
      },
      (error: unknown) => {
        const status = error instanceof ApiRequestError ? error.status : 0
        setFailure(
          status === 401 || status === 403 ? 'unauthorized' : status === 404 ? 'notFound' : 'error',
        )
      },
    )
  }, [api, token])

  if (failure) return <WorkshopProblem failure={failure} />
  if (!info) {
    return (
      <main className="page narrow">
        <p role="status">{t('workshop.loading')}</p>
      </main>
    )
  }
  if (info.role === 'facilitator') return <FacilitatorPage info={info} api={api} token={token} />
  if (info.role === 'participant') return <ParticipantPage info={info} api={api} token={token} />
  return <ViewerPage info={info} token={token} />
}

function WorkshopProblem({ failure }: { failure: Failure }) {
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
        <p>{t(`workshop.problem.${failure}.body`)}</p>
      </main>
    </div>
  )
}
