import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopInfo } from '../../../shared/workshopContracts'
import { AgendaPanel } from '../../day/agenda/AgendaPanel'
import { HandQueue } from '../../day/hands/HandQueue'
import { TimerPanel } from '../../day/timer/TimerPanel'
import { VotePanel } from '../../day/votes/VotePanel'
import { PrivateWritingPanel } from '../../day/silent/PrivateWritingPanel'
import { useLiveScope } from '../../day/LiveContext'
import { LiveScopeProvider } from '../../day/LiveScopeProvider'
import '../../day/day.css'
import { CoFacilitators } from '../../account/CoFacilitators'
import { useSession } from '../../account/useSession'
import { problemMessage } from '../problemMessage'
import { OutcomeSections } from '../../outcome/OutcomeSections'
import { usePolling } from '../usePolling'
import type { WorkshopApi } from '../workshopApi'
import { WorkshopHeader } from '../WorkshopHeader'
import { BoardCard } from './BoardCard'
import { EraseWorkshop } from './EraseWorkshop'
import { GroupChoiceToggle } from './GroupChoiceToggle'
import { GroupPlanner } from './GroupPlanner'
import { LinksPanel } from './LinksPanel'
import { MessageForm } from './MessageForm'
import { ParticipantTable } from './ParticipantTable'
import { PlenaryPanel } from './PlenaryPanel'

const POLL_MS = 2500

/** The facilitator's live overview of every group, and the day's controls. */
export function FacilitatorPage(props: { info: WorkshopInfo; api: WorkshopApi; token: string }) {
  return (
    <LiveScopeProvider workshopId={props.info.id} token={props.token}>
      <Overview {...props} />
    </LiveScopeProvider>
  )
}

function Overview(props: { info: WorkshopInfo; api: WorkshopApi; token: string }) {
  const { info, api, token } = props
  const live = useLiveScope()?.live
  const day = live?.state?.day
  const { t } = useTranslation()
  const overview = usePolling(
    useCallback(() => api.overview(), [api]),
    POLL_MS,
  )
  const session = useSession()
  const [planning, setPlanning] = useState(false)
  const [formed, setFormed] = useState(false)
  const boards = overview.data?.boards ?? []
  const participants = overview.data?.participants ?? []
  const groups = boards.filter((board) => board.kind === 'group')

  return (
    <div className="page wide">
      <WorkshopHeader info={info} subtitle={t('workshop.facilitatorView')} />
      {overview.error && (
        <p role="alert" className="error">
          {t('workshop.overviewFailed', { message: problemMessage(t, overview.error) })}
        </p>
      )}
      <div className="facilitator-layout">
        <main className="facilitator-main">
          <section aria-labelledby="boards-heading">
            <h2 id="boards-heading">{t('workshop.boardsHeading')}</h2>
            {!overview.data && <p role="status">{t('workshop.loading')}</p>}
            <div className="board-grid" data-testid="board-grid">
              {boards.map((board) => (
                <BoardCard key={board.id} board={board} token={token} now={overview.receivedAt} />
              ))}
            </div>
          </section>
          <section aria-labelledby="participants-heading" className="card">
            <div className="section-head">
              <h2 id="participants-heading">
                {t('workshop.participants.heading')}{' '}
                <span className="muted">({participants.length})</span>
              </h2>
              <button
                type="button"
                className="primary"
                disabled={planning || participants.length === 0}
                onClick={() => {
                  setFormed(false)
                  setPlanning(true)
                }}
              >
                {t('workshop.planner.open')}
              </button>
            </div>
            <GroupChoiceToggle api={api} initial={info.allowGroupChoice} />
            {formed && <p role="status">{t('workshop.planner.done')}</p>}
            {planning && (
              <GroupPlanner
                api={api}
                groups={groups}
                participants={participants}
                onClose={(confirmed) => {
                  setPlanning(false)
                  setFormed(confirmed)
                  overview.refresh()
                }}
              />
            )}
            <ParticipantTable participants={participants} boards={boards} />
          </section>
        </main>
        <aside className="facilitator-side">
          <section aria-labelledby="hands-heading" className="card">
            <h2 id="hands-heading">{t('hands.heading')}</h2>
            {day ? (
              <HandQueue day={day} api={api} boards={info.boards} />
            ) : (
              <p role="status">{t('workshop.loading')}</p>
            )}
          </section>
          <section aria-labelledby="timer-heading" className="card">
            <div className="section-head">
              <h2 id="timer-heading">{t('day.timer.heading')}</h2>
              <a
                className="button small"
                href={`/w/${encodeURIComponent(info.id)}/room?token=${encodeURIComponent(token)}`}
                target="_blank"
                rel="noreferrer"
              >
                {t('day.room.open')}
              </a>
            </div>
            {day && live && (
              <TimerPanel day={day} clockOffset={live.clockOffset} api={api} boards={info.boards} />
            )}
          </section>
          <section aria-labelledby="agenda-heading" className="card">
            <h2 id="agenda-heading">{t('day.agenda.heading')}</h2>
            {day ? (
              <AgendaPanel day={day} api={api} />
            ) : (
              <p role="status">{t('workshop.loading')}</p>
            )}
          </section>
          <section aria-labelledby="silent-heading" className="card">
            <h2 id="silent-heading">{t('silent.heading')}</h2>
            {day ? (
              <PrivateWritingPanel day={day} api={api} />
            ) : (
              <p role="status">{t('workshop.loading')}</p>
            )}
          </section>
          <section aria-labelledby="vote-heading" className="card">
            <h2 id="vote-heading">{t('vote.heading')}</h2>
            {day ? (
              <VotePanel day={day} api={api} boards={info.boards} />
            ) : (
              <p role="status">{t('workshop.loading')}</p>
            )}
          </section>
          <section aria-labelledby="message-heading" className="card">
            <h2 id="message-heading">{t('workshop.message.heading')}</h2>
            <MessageForm api={api} />
          </section>
          <section aria-labelledby="plenary-heading" className="card">
            <h2 id="plenary-heading">{t('workshop.plenaryHeading')}</h2>
            <PlenaryPanel api={api} info={info} token={token} />
          </section>
          {info.links && (
            <section aria-labelledby="links-heading" className="card">
              <h2 id="links-heading">{t('workshop.linksHeading')}</h2>
              <LinksPanel api={api} initial={info.links} />
            </section>
          )}
          <OutcomeSections info={info} token={token} />
          {session?.signInEnabled && <CoFacilitators workshopId={info.id} token={token} />}
          <section aria-labelledby="erase-heading" className="card danger-zone">
            <h2 id="erase-heading">{t('workshop.erase.heading')}</h2>
            <EraseWorkshop api={api} info={info} />
          </section>
        </aside>
      </div>
    </div>
  )
}
