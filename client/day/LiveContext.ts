import { createContext, useContext } from 'react'
import type { WorkshopApi } from '../workshop/workshopApi'
import type { WorkshopLive } from './useWorkshopLive'

/** The page's workshop live channel, and the API to act on the day (facilitator). */
export interface LiveScope {
  live: WorkshopLive
  api: WorkshopApi
  workshopId: string
  token: string
  participantKey?: string
}

export const LiveContext = createContext<LiveScope | undefined>(undefined)

export function useLiveScope(): LiveScope | undefined {
  return useContext(LiveContext)
}
