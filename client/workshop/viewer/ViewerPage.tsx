import { useTranslation } from 'react-i18next'
import { boardLink } from '../boardLink'
import type { WorkshopBoardKind, WorkshopInfo } from '../../../shared/workshopContracts'
import { WorkshopHeader } from '../WorkshopHeader'
import { DayNow } from '../../day/DayNow'
import { LiveScopeProvider } from '../../day/LiveScopeProvider'

const KIND_LABEL: Record<WorkshopBoardKind, string> = {
  group: 'workshop.viewer.group',
  plenary: 'workshop.viewer.plenary',
  recorder: 'workshop.viewer.recorder',
}

/**
 * The entrance of those who do not write on group boards: the audience (every board, to
 * watch) and the graphic recorder (every board to follow, the recorder board to draw on).
 */
export function ViewerPage({ info, token }: { info: WorkshopInfo; token: string }) {
  const { t } = useTranslation()
  const recorder = info.role === 'recorder'
  const boards = recorder
    ? [...info.boards].sort((a, b) => Number(b.kind === 'recorder') - Number(a.kind === 'recorder'))
    : info.boards
  return (
    <div className="page workshop-narrow">
      <WorkshopHeader
        info={info}
        subtitle={t(recorder ? 'workshop.recorderView' : 'workshop.viewerView')}
      />
      <main>
        <LiveScopeProvider workshopId={info.id} token={token}>
          <DayNow />
        </LiveScopeProvider>
        <h2>{t('workshop.viewer.heading')}</h2>
        <p>{t(recorder ? 'workshop.viewer.recorderExplain' : 'workshop.viewer.explain')}</p>
        <ul className="viewer-boards">
          {boards.map((board) => (
            <li key={board.id}>
              <a href={boardLink(board.id, token)} className={`viewer-board kind-${board.kind}`}>
                <span className="viewer-board-name">{board.name}</span>
                <span className="muted">{t(KIND_LABEL[board.kind])}</span>
              </a>
            </li>
          ))}
        </ul>
      </main>
    </div>
  )
}
