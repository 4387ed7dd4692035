import type { Facilitator, MyScope, SessionInfo } from '../../shared/accountContracts'
import { request } from '../common/api'

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

function withToken(path: string, token: string | null) {
  return token ? `${path}?token=${encodeURIComponent(token)}` : path
}

export const accountApi = {
  session: () => request<SessionInfo>('/api/session'),
  myScopes: () => request<MyScope[]>('/api/me/scopes'),
  signOut: () => request<void>('/auth/logout', { method: 'POST' }),
  signInUrl: (returnTo: string) => `/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
  facilitators: (workshopId: string, token: string | null) =>
    request<Facilitator[]>(withToken(`/api/workshops/${workshopId}/facilitators`, token)),
  addFacilitator: (workshopId: string, token: string | null, person: string) =>
    request<Facilitator[]>(
      withToken(`/api/workshops/${workshopId}/facilitators`, token),
      json('POST', { person }),
    ),
  removeFacilitator: (workshopId: string, token: string | null, accountId: string) =>
    request<void>(
      withToken(
        `/api/workshops/${workshopId}/facilitators/${encodeURIComponent(accountId)}`,
        token,
      ),
      { method: 'DELETE' },
    ),
}
