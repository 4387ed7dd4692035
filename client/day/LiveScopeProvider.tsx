import { useMemo, type ReactNode } from 'react'
import { workshopApi } from '../workshop/workshopApi'
import { LiveContext, useLiveScope } from './LiveContext'
import { useWorkshopLive } from './useWorkshopLive'

/** Opens the workshop's live channel for what is inside, unless a page around it already has. */
export function LiveScopeProvider(props: {
  workshopId: string | undefined
  token: string | undefined
  participantKey?: string
  children: ReactNode
}) {
  const inherited = useLiveScope()
  if (inherited || !props.workshopId || !props.token) return <>{props.children}</>
  return (
    <OwnLiveScope
      workshopId={props.workshopId}
      token={props.token}
      participantKey={props.participantKey}
    >
      {props.children}
    </OwnLiveScope>
  )
}

function OwnLiveScope(props: {
  workshopId: string
  token: string
  participantKey?: string
  children: ReactNode
}) {
  const { workshopId, token, participantKey } = props
  const live = useWorkshopLive(workshopId, token, participantKey)
  const api = useMemo(() => workshopApi(workshopId, token), [workshopId, token])
  const scope = useMemo(
    () => ({ live, api, workshopId, token, participantKey }),
    [live, api, workshopId, token, participantKey],
  )
  return <LiveContext.Provider value={scope}>{props.children}</LiveContext.Provider>
}
