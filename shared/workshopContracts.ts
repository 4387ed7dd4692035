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
export interface WorkshopInfo extends WorkshopDay {
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

// ——— Running the day: agenda, timer, silent writing, votes, attention (issue 10) ———

/** What a step switches on for every board of the workshop. */
export type StepMode = 'none' | 'silentWriting' | 'voting' | 'locked'
export const STEP_MODES: readonly StepMode[] = ['none', 'silentWriting', 'voting', 'locked']

/** One step of the day's agenda. */
export interface AgendaStep {
  id: string
  title: string
  /** Planned length. */
  minutes: number
  mode: StepMode
}

/** When a step actually ran (the outcome report lists them). */
export interface StepRun {
  stepId: string
  startedAt: number
  endedAt: number | null
}

/** The workshop's clock. `remainingMs` is as of the answer's `serverTime`. */
export interface TimerView {
  /** Milliseconds since the epoch (server clock) when it reaches zero; null while paused. */
  endsAt: number | null
  remainingMs: number
  paused: boolean
  label: string
  /** At zero, participants' input pauses until the facilitator resumes or stops the timer. */
  pauseInputAtEnd: boolean
  /** Null for the whole workshop, else the one board it runs for. */
  boardId: string | null
}

export type VoteTarget = 'notes' | 'clusters'

/** The polarities a vote may budget apart (an undecided note has no budget of its own). */
export type BudgetPolarity = 'hindering' | 'enabling'

/** Separate budgets per person for hindering and enabling notes (Välj det viktigaste). */
export interface PolarityBudgets {
  hindering: number
  enabling: number
}

/** One item's count in a vote; `text` is the note's or cluster's text at closing. */
export interface VoteResult {
  itemId: string
  boardId: string
  text: string
  votes: number
}

/** A vote as every role may see it; the tally only once visible (closed, or shown live). */
export interface VoteView {
  id: string
  boardIds: string[]
  target: VoteTarget
  votesPerPerson: number
  maxPerItem: number | null
  /** Separate budgets per polarity (notes only), or null for one budget. */
  budgets: PolarityBudgets | null
  hidden: boolean
  openedAt: number
  closedAt: number | null
  /** Most votes first; null while hidden and open. */
  results: VoteResult[] | null
}

/** A participant's own ballots in the active vote. */
export interface MyBallots {
  voteId: string
  /** itemId → votes this person gave it. */
  items: Record<string, number>
  remaining: number
  /** With separate budgets: votes left per polarity. */
  remainingByPolarity: PolarityBudgets | null
}

/** A raised hand; names only for the facilitator. */
export interface RaisedHand {
  participantId: string
  name: string
  boardId: string | null
  at: number
}

/**
 * What the facilitator asks of every page on a board (see ATTENTION_KINDS). `move` carries the
 * facilitator's moving camera to a standing follow or control and changes nothing when none
 * stands, so a camera update still on its way when the facilitator releases cannot start
 * control again.
 */
export type AttentionKind = 'summon' | 'follow' | 'control' | 'move' | 'release' | 'spotlight'
export const ATTENTION_KINDS: readonly AttentionKind[] = [
  'summon',
  'follow',
  'control',
  'move',
  'release',
  'spotlight',
]

/** The page area the facilitator looks at, in page coordinates. */
export interface ViewBounds {
  x: number
  y: number
  w: number
  h: number
}

/** Standing attention on a board: following the facilitator, or under their control. */
export interface BoardAttention {
  boardId: string
  mode: 'follow' | 'control'
  bounds: ViewBounds
  /** A shape (e.g. a cluster) in the spotlight, if any. */
  spotlightId: string | null
  at: number
}

/**
 * Why the server refuses a participant's writes on a board for now (sync: close 4523
 * `inputPaused`, REST: 423): the facilitator took control (Ta kontroll), the current step
 * locks boards, or a timer started with `pauseInputAtEnd` ran out. It lifts by itself when
 * the facilitator releases, moves on or resumes; the browser then sends what it held back.
 */
export type InputHold = 'control' | 'lockedStep' | 'timeUp'

/** The day's state: in `GET /api/workshops/:id` and in every `state` event of the live channel. */
export interface WorkshopDay {
  /** The server's clock when this was sent: clients count the timer from it. */
  serverTime: number
  agenda: AgendaStep[]
  currentStepId: string | null
  stepRuns: StepRun[]
  timer: TimerView | null
  /**
   * True while a workshop-wide timer has reached zero with `pauseInputAtEnd`, or a step locks
   * boards; a timer for one board pauses only that board (see `InputHold`).
   */
  inputPaused: boolean
  privateWriting: boolean
  /** When silent writing last ended: drafts still in a browser are revealed on reconnect. */
  revealedAt: number | null
  revealAnonymous: boolean
  activeVoteId: string | null
  votes: VoteView[]
  /** Facilitator (and room screen with the facilitator link): names; others see only the count. */
  hands: RaisedHand[]
  handCount: number
  attention: BoardAttention[]
  /** Clusters in the spotlight, at most one per board, until the facilitator turns it off. */
  spotlights: BoardSpotlight[]
}

/**
 * A cluster in the spotlight on a board. State, not an event: a page opened or reloaded while
 * it is lit shows it too.
 */
export interface BoardSpotlight {
  boardId: string
  spotlightId: string
  bounds: ViewBounds
  at: number
}

/** `GET /api/workshops/:id/live?token[&participant]`: one server-sent `state` event per change. */
export interface WorkshopLiveState {
  day: WorkshopDay
  /** A participant's own record (their board follows group moves) and ballots. */
  me?: ParticipantSelf & { handRaised: boolean; ballots: MyBallots | null }
}

/** A one-off request to every page on a board (Samla alla här): the live channel's `attention` event. */
export interface AttentionEvent {
  kind: 'summon'
  boardId: string
  bounds: ViewBounds
  spotlightId: string | null
  at: number
}

/** `PUT /api/workshops/:id/agenda` body (facilitator). */
export interface AgendaBody {
  steps: AgendaStep[]
}

/** `POST /api/workshops/:id/step` body → 200 `{ currentStepId }`. */
export type StepBody = { stepId: string } | { next: true }

/** `POST /api/workshops/:id/timer` body → 200 `{ timer }`. */
export type TimerBody =
  | { seconds: number; label?: string; pauseInputAtEnd?: boolean; boardId?: string }
  | { action: 'pause' | 'resume' | 'stop' }
  | { action: 'add'; seconds: number }

/** `POST /api/workshops/:id/private-writing` body. */
export type PrivateWritingBody = { on: true } | { on: false; anonymous?: boolean }

/** `POST /api/workshops/:id/votes` body → 201 `{ id }`. */
export interface CreateVoteBody {
  /** Defaults to every group board. */
  boardIds?: string[]
  target: VoteTarget
  votesPerPerson: number
  maxPerItem?: number
  /**
   * Separate budgets for hindering and enabling notes (target `notes` only), each 0–20: a
   * ballot must fit both its polarity's budget and `votesPerPerson`. Undecided notes cannot
   * be voted on then (409 `polarity_budget_spent`).
   */
  budgets?: PolarityBudgets
  /** Results hidden until closing (default true). */
  hidden?: boolean
}

/**
 * `POST /api/workshops/:id/votes/:voteId/ballots?participant=KEY` body → 200
 * `{ remaining }`, with separate budgets `{ remaining, remainingByPolarity }`.
 */
export interface BallotBody {
  itemId: string
  delta: 1 | -1
}

/** `POST .../votes/:voteId/close` and `GET .../votes/:voteId` → 200. */
export interface VoteResults {
  results: VoteResult[]
}

/** `POST /api/workshops/:id/hand?participant=KEY` (P) `{ raised }`; (F) `{ raised: false, participantId }`. */
export interface HandBody {
  raised: boolean
  participantId?: string
}

/** `POST /api/workshops/:id/attention` body (facilitator). */
export interface AttentionBody {
  kind: AttentionKind
  boardId: string
  bounds?: ViewBounds
  spotlightId?: string
}

/** Awareness field through which a page tells others how many private drafts it holds. */
export const DRAFT_COUNT_PRESENCE_KEY = 'drafts'

/** Shape meta flag: locked by the facilitator; the server refuses participants' changes to it. */
export const FACILITATOR_LOCK_META_KEY = 'facilitatorLock'

/**
 * Shape meta flag of a note written during silent writing: it stays in its writer's browser
 * (IndexedDB) and the server refuses any update that carries it into a board doc.
 */
export const PRIVATE_DRAFT_META_KEY = 'privateDraft'
