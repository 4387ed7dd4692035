import { defaultAgenda } from '../../shared/day/agenda'
import type { TimerState } from '../../shared/day/timer'
import type {
  AgendaStep,
  BoardAttention,
  BoardSpotlight,
  PolarityBudgets,
  StepRun,
  VoteResult,
  VoteTarget,
} from '../../shared/workshopContracts'

/** A vote's settings, and its results once closed. Ballots live in their own table. */
export interface VoteRecord {
  id: string
  boardIds: string[]
  target: VoteTarget
  votesPerPerson: number
  maxPerItem: number | null
  /** Separate budgets per polarity; absent in votes stored before they existed. */
  budgets?: PolarityBudgets | null
  hidden: boolean
  openedAt: number
  closedAt: number | null
  results: VoteResult[] | null
}

/** Everything the day keeps for one workshop, stored as one JSON value (see DayStore). */
export interface DayRecord {
  agenda: AgendaStep[]
  currentStepId: string | null
  stepRuns: StepRun[]
  timer: TimerState | null
  privateWriting: boolean
  revealedAt: number | null
  revealAnonymous: boolean
  votes: VoteRecord[]
  hands: { participantId: string; at: number }[]
  attention: BoardAttention[]
  spotlights: BoardSpotlight[]
}

export function newDayRecord(language: 'sv' | 'en'): DayRecord {
  return {
    agenda: defaultAgenda(language),
    currentStepId: null,
    stepRuns: [],
    timer: null,
    privateWriting: false,
    revealedAt: null,
    revealAnonymous: false,
    votes: [],
    hands: [],
    attention: [],
    spotlights: [],
  }
}

/** The stored JSON, with fields a newer release added filled from the defaults. */
export function parseDayRecord(json: string | undefined): DayRecord {
  const defaults = newDayRecord('sv')
  if (!json) return defaults
  try {
    return { ...defaults, ...(JSON.parse(json) as Partial<DayRecord>) }
  } catch {
    return defaults
  }
}
