/**
 * The workshop API's JSON bodies as the client reads them (see WORKSHOP_CONTRACT.md).
 */
import type { SyncInfo } from '../../shared/contracts'

export type Role = 'facilitator' | 'participant' | 'viewer'
export type BoardKind = 'group' | 'plenary'
export type Track = 'school' | 'care' | 'both' | 'other'

export interface WorkshopLinks {
  facilitator: string
  participant: string
  viewer: string
}

export interface CreatedWorkshop {
  id: string
  links: WorkshopLinks
  boards: { id: string; name: string; kind: BoardKind; url: string; sync: SyncInfo }[]
}

export interface WorkshopInfo {
  id: string
  title: string
  date?: string
  track?: string
  template?: string
  role: Role
  allowGroupChoice: boolean
  boards: { id: string; name: string; kind: BoardKind }[]
  links?: WorkshopLinks
}

export interface Joined {
  participantId: string
  participantKey: string
  boardId: string | null
}

export interface Me {
  participantId: string
  name: string
  municipality?: string
  boardId: string | null
}

export interface BoardOverview {
  id: string
  name: string
  kind: BoardKind
  online: string[]
  counts: {
    hindering: number
    enabling: number
    undecided: number
    unsorted: number
    total: number
  }
  clusters: { id: string; name: string; total: number }[]
  lastActivity: number | null
}

export interface Participant {
  id: string
  name: string
  municipality?: string
  boardId: string | null
}

export interface Overview {
  boards: BoardOverview[]
  participants: Participant[]
}

/** participantId → boardId */
export type Assignments = Record<string, string>
