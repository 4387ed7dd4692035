import { useTranslation } from 'react-i18next'
import { boardLink } from '../boardLink'
import type { WorkshopInfo } from '../../../shared/workshopContracts'
import { WorkshopHeader } from '../WorkshopHeader'
import { DayNow } from '../../day/DayNow'
import { LiveScopeProvider } from '../../day/LiveScopeProvider'

/** The audience's entrance: every board of the workshop, to watch without editing. */
export function ViewerPage({ info, token }: { info: WorkshopInfo; token: string }) {
  const { t } = useTranslation()
  return (
    <div className="page workshop-narrow">
      <WorkshopHeader info={info} subtitle={t('workshop.viewerView')} />
      <main>
        <LiveScopeProvider workshopId={info.id} token={token}>
          <DayNow />
        </LiveScopeProvider>
        <h2>{t('workshop.viewer.heading')}</h2>
        <p>{t('workshop.viewer.explain')}</p>
        <ul className="viewer-boards">
          {info.boards.map((board) => (
            <li key={board.id}>
              <a href={boardLink(board.id, token)} className={`viewer-board kind-${board.kind}`}>
                <span className="viewer-board-name">{board.name}</span>
                <span className="muted">
                  {board.kind === 'plenary'
                    ? t('workshop.viewer.plenary')
                    : t('workshop.viewer.group')}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </main>
    </div>
  )
}
