/**
 * Shapes of the workshop API's JSON bodies (see WORKSHOP_CONTRACT.md and the README), shared by
 * the server, the client and outside tests. Tokens travel as the `token` query parameter.
 */
import type { BoardInfo, SyncInfo } from './contracts'

export type Role = 'facilitator' | 'participant' | 'viewer' | 'recorder'
/** Every role a workshop has a link for. */
export const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer', 'recorder']
/** A standalone board has no recorder board, so no recorder link either. */
export type BoardRole = Exclude<Role, 'recorder'>
export const BOARD_ROLES: readonly BoardRole[] = ['facilitator', 'participant', 'viewer']

/** `recorder` is the graphic recorder's board (Dokumentation), one per workshop. */
export type WorkshopBoardKind = 'group' | 'plenary' | 'recorder'

/** Full page URLs of a workshop, each carrying its role's token. */
export type RoleLinks = Record<Role, string>
/** Full page URLs of a standalone board. */
export type BoardRoleLinks = Record<BoardRole, string>

/** `POST /api/workshops` body. */
export interface CreateWorkshopBody {
  title: string
  /** Number of group boards (a plenary board is added). */
  groups: number
  template?: string
  track?: string
  /** ISO date (YYYY-MM-DD) of the meeting. */
  date?: string
  language?: 'sv' | 'en'
}

/** One board of a created workshop, opened as facilitator. */
export interface WorkshopBoardLink {
  id: string
  name: string
  kind: WorkshopBoardKind
  /** `/b/<boardId>?token=<facilitator token>` */
  url: string
  sync: SyncInfo
}

/** `POST /api/workshops` → 201. */
export interface CreatedWorkshop {
  id: string
  /** `/w/<workshopId>?token=...` per role. */
  links: RoleLinks
  boards: WorkshopBoardLink[]
}

export interface WorkshopBoardSummary {
  id: string
  name: string
  kind: WorkshopBoardKind
  /**
   * Every participant may write on it, not only its group (e.g. the plenary during a plenary
   * step). Set by `PUT /api/workshops/:id/boards/:boardId/access` with `OpenBoardBody`.
   */
  openToAll?: boolean
}

/** `PUT /api/workshops/:id/boards/:boardId/access` body (facilitator) → 200 the same. */
export interface OpenBoardBody {
  openToAll: boolean
}

/** `GET /api/workshops/:id?token=...` → 200. */
export interface WorkshopInfo {
  id: string
  title: string
  date: string | null
  track: string | null
  template: string
  role: Role
  allowGroupChoice: boolean
  boards: WorkshopBoardSummary[]
  /** Only for the facilitator. */
  links?: RoleLinks
}

/** `PATCH /api/workshops/:id` body (facilitator). */
export interface PatchWorkshopBody {
  allowGroupChoice?: boolean
  title?: string
}

/** `POST /api/workshops/:id/join?token=<participant token>` body. */
export interface JoinWorkshopBody {
  name: string
  municipality?: string
}

/** `POST /api/workshops/:id/join` → 201. Keep `participantKey` secret (localStorage). */
export interface JoinedWorkshop {
  participantId: string
  participantKey: string
  boardId: string | null
}

/** `POST /api/workshops/:id/choose-group?token&participant` body. */
export interface ChooseGroupBody {
  boardId: string
}

/** `GET /api/workshops/:id/me?token&participant` → 200. */
export interface ParticipantSelf {
  participantId: string
  name: string
  municipality: string | null
  boardId: string | null
}

export interface ParticipantSummary {
  id: string
  name: string
  municipality: string | null
  boardId: string | null
}

export interface OverviewCounts {
  hindering: number
  enabling: number
  undecided: number
  unsorted: number
  total: number
}

export interface BoardOverview {
  id: string
  name: string
  kind: WorkshopBoardKind
  /** Display names of the people connected right now. */
  online: string[]
  counts: OverviewCounts
  clusters: { id: string; name: string; total: number }[]
  /** Milliseconds since the epoch of the newest stored change; null if never changed. */
  lastActivity: number | null
}

/** `GET /api/workshops/:id/overview` → 200 (facilitator). */
export interface WorkshopOverview {
  boards: BoardOverview[]
  participants: ParticipantSummary[]
}

/**
 * `POST .../groups/propose` body. By default everyone keeps their group and only people
 * without one are seated; `reshuffle: true` proposes all groups anew.
 */
export interface ProposeGroupsBody {
  reshuffle?: boolean
}

/** `POST .../groups/propose` → 200, and `POST .../groups/confirm` body. participantId → boardId */
export interface GroupAssignments {
  assignments: Record<string, string>
}

/** `POST /api/workshops/:id/message` body; empty text clears the banner. */
export interface MessageBody {
  text: string
}

/** What a board doc's meta map holds under `banner`. */
export interface Banner {
  text: string
  at: number
}

export const BANNER_META_KEY = 'banner'

/** `POST /api/workshops/:id/rotate` body → 200 `RotatedLinks`. */
export interface RotateBody {
  role: Role
}

export interface RotatedLinks {
  links: RoleLinks
}

/** `POST /api/boards/:id/rotate` → 200: a standalone board's links (no recorder). */
export interface RotatedBoardLinks {
  links: BoardRoleLinks
}

/** One group's wording of a factor in the synthesis. */
export interface SynthesisWording {
  groupId: string
  factorId: string
  text: string
}

/** Why an entry's wordings stand together, shown to the facilitator beside them. */
export interface SynthesisReason {
  /** A few words naming what the wordings share ("utbildning, tid"). */
  sharedIdea: string[]
  /** Mean pairwise similarity of the wordings, 0–1 (bands: `confidenceLevel`). */
  confidence: number
  /** The facilitator merged or split this entry by hand: gathering keeps it as it is. */
  byHand?: boolean
}

/** Factors of several groups that say the same thing ("nämnd av k av N grupper"). */
export interface SynthesisEntry {
  text: string
  /** Group board ids, sorted. */
  groups: string[]
  wordings: SynthesisWording[]
  /** Only for entries of two or more wordings. */
  why?: SynthesisReason
}

export interface SynthesisKeyArea {
  /** Stable key: the cluster name, lower-cased with spaces collapsed. */
  key: string
  name: string
  hindering: SynthesisEntry[]
  enabling: SynthesisEntry[]
}

export interface SynthesisGroup {
  /** The group board's id. */
  id: string
  name: string
}

/** `GET /api/workshops/:id/synthesis` and `POST .../gather` → 200. */
export interface Synthesis {
  groups: SynthesisGroup[]
  keyAreas: SynthesisKeyArea[]
}

/** `GET /api/boards/:id?token=...` → 200. */
export interface BoardAccessInfo extends BoardInfo {
  role: Role
  /**
   * Whether this caller may change the board now: viewers never; a participant of a workshop
   * on their own group's board or a board opened to all, and only with their `participant` key.
   */
  canWrite: boolean
  workshopId?: string
  /** Board page links per role; only for the facilitator of a standalone board. */
  links?: BoardRoleLinks
  /** What kind of workshop board this is; absent for a standalone board. */
  kind?: WorkshopBoardKind
}

/** `POST /api/boards` → 201: the board opened as facilitator, plus a link per role. */
export interface CreatedBoard extends BoardInfo {
  links: BoardRoleLinks
}
