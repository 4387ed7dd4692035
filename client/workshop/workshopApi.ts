import { request } from '../common/api'
import type {
  AgendaStep,
  AttentionBody,
  BallotBody,
  CreateVoteBody,
  CreateWorkshopBody,
  CreatedWorkshop,
  GroupAssignments,
  JoinWorkshopBody,
  JoinedWorkshop,
  ParticipantSelf,
  PatchWorkshopBody,
  PrivateWritingBody,
  ProposeGroupsBody,
  Role,
  StepBody,
  TimerBody,
  TimerView,
  VoteResults,
  RotatedLinks,
  Synthesis,
  WorkshopInfo,
  WorkshopOverview,
} from '../../shared/workshopContracts'

function path(id: string, rest: string, query: Record<string, string | undefined>) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value)
  return `/api/workshops/${encodeURIComponent(id)}${rest}?${search.toString()}`
}

function send(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  }
}

/** Every workshop call carries the page's role token; a participant also their own key. */
export function workshopApi(id: string, token: string) {
  const at = (rest: string, participant?: string) => path(id, rest, { token, participant })
  return {
    info: () => request<WorkshopInfo>(at('')),
    overview: () => request<WorkshopOverview>(at('/overview')),
    join: (person: JoinWorkshopBody) => request<JoinedWorkshop>(at('/join'), send('POST', person)),
    me: (participantKey: string) => request<ParticipantSelf>(at('/me', participantKey)),
    chooseGroup: (participantKey: string, boardId: string) =>
      request<void>(at('/choose-group', participantKey), send('POST', { boardId })),
    proposeGroups: (body: ProposeGroupsBody = {}) =>
      request<GroupAssignments>(at('/groups/propose'), send('POST', body)),
    confirmGroups: (assignments: GroupAssignments['assignments']) =>
      request<void>(at('/groups/confirm'), send('POST', { assignments })),
    update: (patch: PatchWorkshopBody) => request<WorkshopInfo>(at(''), send('PATCH', patch)),
    message: (text: string) => request<void>(at('/message'), send('POST', { text })),
    rotate: (role: Role) => request<RotatedLinks>(at('/rotate'), send('POST', { role })),
    /** Gathers the groups; the plenary's notes are written in `language`, the page's. */
    gather: (language: string) =>
      request<Synthesis>(at('/gather'), send('POST', undefined, { 'Accept-Language': language })),
    erase: () => request<void>(at(''), send('DELETE')),
    setAgenda: (steps: AgendaStep[]) => request<void>(at('/agenda'), send('PUT', { steps })),
    timer: (body: TimerBody) =>
      request<{ timer: TimerView | null }>(at('/timer'), send('POST', body)),
    step: (body: StepBody) => request<{ currentStepId: string }>(at('/step'), send('POST', body)),
    attention: (body: AttentionBody) => request<{ ok: true }>(at('/attention'), send('POST', body)),
    privateWriting: (body: PrivateWritingBody) =>
      request<{ privateWriting: boolean }>(at('/private-writing'), send('POST', body)),
    startVote: (body: CreateVoteBody) => request<{ id: string }>(at('/votes'), send('POST', body)),
    ballot: (voteId: string, participantKey: string, body: BallotBody) =>
      request<{ remaining: number }>(
        at(`/votes/${encodeURIComponent(voteId)}/ballots`, participantKey),
        send('POST', body),
      ),
    /** A participant raises or lowers their own hand. */
    setHand: (participantKey: string, raised: boolean) =>
      request<{ raised: boolean }>(at('/hand', participantKey), send('POST', { raised })),
    /** The facilitator lowers someone's hand. */
    lowerHand: (participantId: string) =>
      request<{ raised: boolean }>(at('/hand'), send('POST', { raised: false, participantId })),
    closeVote: (voteId: string) =>
      request<VoteResults>(at(`/votes/${encodeURIComponent(voteId)}/close`), send('POST')),
  }
}

export type WorkshopApi = ReturnType<typeof workshopApi>

export function createWorkshop(input: CreateWorkshopBody, adminToken?: string) {
  const headers: Record<string, string> = adminToken
    ? { Authorization: `Bearer ${adminToken}` }
    : {}
  return request<CreatedWorkshop>('/api/workshops', send('POST', input, headers))
}

/** The role token of the page, from its `token` query parameter. */
export function pageToken(): string {
  return new URLSearchParams(window.location.search).get('token') ?? ''
}
