import type { RoleLinks } from './workshopContracts'

/** `GET /api/session`: whether sign-in is set up, and who is signed in. */
export interface SessionInfo {
  signInEnabled: boolean
  user: { name: string; email: string | null } | null
}

/** One entry of **Mina workshoppar och tavlor** (`GET /api/me/scopes`). */
export interface MyScope {
  kind: 'workshop' | 'board'
  id: string
  title: string
  createdAt: number
  /** `owner` created it; `cofacilitator` was added by a facilitator. */
  relation: 'owner' | 'cofacilitator'
  /** Every role's link, opened with the facilitator token the server keeps for signed-in people. */
  links: RoleLinks | null
}

/** A signed-in facilitator of a workshop (`GET /api/workshops/:id/facilitators`). */
export interface Facilitator {
  accountId: string
  name: string
  email: string | null
  relation: 'owner' | 'cofacilitator'
}

/** `POST /api/workshops/:id/facilitators`: a person who has signed in once, by e-mail or name. */
export interface AddFacilitatorBody {
  person: string
}
