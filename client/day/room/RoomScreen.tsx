import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopInfo } from '../../../shared/workshopContracts'
import { LanguageSwitch } from '../../common/LanguageSwitch'
import { workshopApi } from '../../workshop/workshopApi'
import { stepsNow } from '../agenda/currentStep'
import { useLiveScope } from '../LiveContext'
import { LiveScopeProvider } from '../LiveScopeProvider'
import { TimerDisplay } from '../timer/TimerDisplay'
import '../day.css'
import '../strings'

/** `/w/<id>/room?token=…`: the projector's view of the day — step, clock, raised hands. */
export function RoomScreen({ workshopId, token }: { workshopId: string; token: string }) {
  const api = useMemo(() => workshopApi(workshopId, token), [workshopId, token])
  const [info, setInfo] = useState<WorkshopInfo>()
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    api.info().then(setInfo, () => setFailed(true))
  }, [api])
  const { t } = useTranslation()
  if (failed) {
    return (
      <main className="page narrow">
        <p role="alert">{t('workshop.problem.unauthorized.body')}</p>
      </main>
    )
  }
  if (!info) {
    return (
      <main className="page narrow">
        <p role="status">{t('workshop.loading')}</p>
      </main>
    )
  }
  return (
    <LiveScopeProvider workshopId={workshopId} token={token}>
      <RoomView info={info} />
    </LiveScopeProvider>
  )
}

function RoomView({ info }: { info: WorkshopInfo }) {
  const { t } = useTranslation()
  const scope = useLiveScope()
  const day = scope?.live.state?.day
  useEffect(() => {
    document.title = `${t('day.room.heading')} – ${info.title}`
  }, [info.title, t])
  if (!day) return <p role="status">{t('workshop.loading')}</p>
  const { current, next } = stepsNow(day)
  const timer = day.timer && day.timer.boardId === null ? day.timer : null
  return (
    <div className="room-screen" data-testid="room-screen">
      <header className="room-header">
        <p className="room-title">{info.title}</p>
        <LanguageSwitch />
      </header>
      <main className="room-main">
        <h1 className="room-step">{current ? current.title : t('day.noStep')}</h1>
        {timer ? (
          <TimerDisplay timer={timer} clockOffset={scope!.live.clockOffset} size="room" />
        ) : (
          <div className="room-no-timer" aria-hidden="true" />
        )}
        <p className="room-next">
          {next ? t('day.next', { title: next.title }) : t('day.lastStep')}
        </p>
      </main>
      <aside className="room-hands" aria-labelledby="room-hands-heading">
        <h2 id="room-hands-heading">
          {day.handCount > 0
            ? t('day.room.handCount', { count: day.handCount })
            : t('day.room.noHands')}
        </h2>
        {day.hands.length > 0 && (
          <ol>
            {day.hands.map((hand) => (
              <li key={hand.participantId}>{hand.name}</li>
            ))}
          </ol>
        )}
      </aside>
    </div>
  )
}
