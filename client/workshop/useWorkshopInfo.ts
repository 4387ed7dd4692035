import { useEffect, useState } from 'react'
import type { WorkshopInfo } from '../../shared/workshopContracts'
import { ApiRequestError } from '../common/api'
import { rememberWorkshop } from '../lobby/recentBoards'
import type { WorkshopApi } from './workshopApi'

export type WorkshopFailure = 'unauthorized' | 'notFound' | 'erased' | 'offline' | 'error'

/** How often a page that could not reach the server tries again by itself. */
const RETRY_MS = 5000

/**
 * The workshop's details for the page. Offline, the service worker answers from what this
 * browser last saw; with nothing saved the page says so and tries again, at once when the
 * browser reports the network back and every few seconds otherwise, so nobody has to reload.
 */
export function useWorkshopInfo(api: WorkshopApi, workshopId: string, token: string) {
  const [info, setInfo] = useState<WorkshopInfo>()
  const [failure, setFailure] = useState<WorkshopFailure>()

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () => {
      clearTimeout(timer)
      api.info().then(
        (workshop) => {
          if (stopped) return
          // A signed-in facilitator who came by another link (or none) continues on theirs.
          const own = workshop.role === 'facilitator' && workshop.links?.facilitator
          if (own && new URL(own).searchParams.get('token') !== token) {
            location.replace(own)
            return
          }
          document.title = `${workshop.title} – Samskapa`
          // The facilitator's link cannot be recovered: the lobby lists it under recent boards.
          if (workshop.role === 'facilitator') {
            rememberWorkshop({ id: workshopId, title: workshop.title, url: window.location.href })
          }
          setFailure(undefined)
          setInfo(workshop)
        },
        (error: unknown) => {
          if (stopped) return
          const status = error instanceof ApiRequestError ? error.status : 0
          if (status === 401 || status === 403) return setFailure('unauthorized')
          if (status === 404) return setFailure('notFound')
          setFailure(status === 0 ? 'offline' : 'error')
          timer = setTimeout(load, RETRY_MS)
        },
      )
    }
    load()
    window.addEventListener('online', load)
    return () => {
      stopped = true
      clearTimeout(timer)
      window.removeEventListener('online', load)
    }
  }, [api, token, workshopId])

  return { info, failure, setFailure }
}
