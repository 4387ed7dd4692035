import { useEffect, useState } from 'react'
import type { SessionInfo } from '../../shared/accountContracts'
import { accountApi } from './accountApi'

/** Who is signed in; `undefined` while loading, and when the server cannot be asked (offline). */
export function useSession(): SessionInfo | undefined {
  const [session, setSession] = useState<SessionInfo>()
  useEffect(() => {
    let live = true
    accountApi.session().then(
      (info) => live && setSession(info),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return session
}
