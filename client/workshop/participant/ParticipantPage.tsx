import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardPage } from '../../board/BoardPage'
import { ApiRequestError } from '../../common/api'
import type { ParticipantSelf, WorkshopInfo } from '../../../shared/workshopContracts'
import { LiveScopeProvider } from '../../day/LiveScopeProvider'
import { useLiveScope } from '../../day/LiveContext'
import type { WorkshopApi } from '../workshopApi'
import { GroupChoice } from './GroupChoice'
import { JoinForm } from './JoinForm'
import { forgetParticipantKey, storeParticipantKey, storedParticipantKey } from './membership'

/** Join once; then the participant's board, which follows the facilitator's grouping live. */
export function ParticipantPage(props: {
  info: WorkshopInfo
  api: WorkshopApi
  token: string
  /** The facilitator erased the workshop while this page was open. */
  onErased(): void
}) {
  const [key, setKey] = useState(() => storedParticipantKey(props.info.id))
  if (!key) {
    return (
      <JoinForm
        info={props.info}
        api={props.api}
        onJoined={(joined) => {
          storeParticipantKey(props.info.id, joined)
          setKey(joined)
        }}
      />
    )
  }
  return (
    <LiveScopeProvider workshopId={props.info.id} token={props.token} participantKey={key}>
      <Assigned
        {...props}
        participantKey={key}
        onErased={() => {
          forgetParticipantKey(props.info.id)
          props.onErased()
        }}
        onForgotten={() => {
          forgetParticipantKey(props.info.id)
          setKey(undefined)
        }}
      />
    </LiveScopeProvider>
  )
}

function Assigned(props: {
  info: WorkshopInfo
  api: WorkshopApi
  token: string
  participantKey: string
  onForgotten(): void
  onErased(): void
}) {
  const { t } = useTranslation()
  const { api, participantKey, onForgotten, onErased } = props
  // The live channel follows group moves (it replaced polling /me).
  const live = useLiveScope()!.live
  // While the live stream is down (offline, or not yet up), /me answers, from the service
  // worker's cache when there is no network: a reload offline still finds the person's board.
  const [lastKnownMe, setLastKnownMe] = useState<ParticipantSelf>()
  const me = live.state?.me ?? lastKnownMe
  const boardId = me?.boardId ?? null
  const notice = useMoveNotice(boardId, props.info)

  // A stream that fails may mean a key the server no longer knows: then the person joins
  // again, unless the whole workshop is gone (erased while the page was open).
  useEffect(() => {
    if (live.connected) return
    let stopped = false
    const known = (error: unknown) =>
      !(error instanceof ApiRequestError && [401, 403, 404].includes(error.status))
    api.me(participantKey).then(
      (self) => !stopped && setLastKnownMe(self),
      (error: unknown) => {
        if (stopped || known(error)) return
        api.info().then(
          () => !stopped && onForgotten(),
          (infoError: unknown) => {
            if (stopped) return
            if (infoError instanceof ApiRequestError && infoError.status === 404) onErased()
            else onForgotten()
          },
        )
      },
    )
    return () => {
      stopped = true
    }
  }, [live.connected, live.failedAtStart, api, participantKey, onForgotten, onErased])

  if (!me) {
    return (
      <main className="page narrow">
        <p role="status">{t('workshop.loading')}</p>
      </main>
    )
  }
  if (!boardId) {
    return <GroupChoice info={props.info} api={api} participantKey={participantKey} />
  }
  return (
    <BoardPage
      key={boardId}
      boardId={boardId}
      token={props.token}
      participantKey={participantKey}
      notice={notice}
    />
  )
}

/** "You are now in Group 2" for a few seconds after the facilitator moves this person. */
function useMoveNotice(boardId: string | null, info: WorkshopInfo): string | undefined {
  const { t } = useTranslation()
  const previous = useRef<string | null | undefined>(undefined)
  const [notice, setNotice] = useState<string>()
  useEffect(() => {
    const before = previous.current
    previous.current = boardId
    if (before === undefined || !boardId || before === boardId) return
    const name = info.boards.find((board) => board.id === boardId)?.name ?? ''
    setNotice(t('workshop.moved', { group: name }))
    const timer = setTimeout(() => setNotice(undefined), 8000)
    return () => clearTimeout(timer)
  }, [boardId, info, t])
  return notice
}
