import type * as Y from 'yjs'
import { metaMap } from '../board/boardDoc'
import type { SynthesisPolarity } from './synthesis'

/** A factor of a group board, named across boards: `<groupId>|<factorId>`. */
export type FactorRef = string

export function factorRef(groupId: string, factorId: string): FactorRef {
  return `${groupId}|${factorId}`
}

/** One entry of the gathered synthesis: which groups' factors its note stands for. */
export interface TrackedEntry {
  keyAreaKey: string
  polarity: SynthesisPolarity
  noteId: string
  factors: FactorRef[]
  /** The text gathering last wrote; a note saying anything else was edited by hand. */
  generatedText: string
  /** The facilitator deleted its note: its factors stay claimed and are not shown again. */
  dismissed?: boolean
  /** The facilitator merged or split it by hand (shown beside its reason). */
  byHand?: boolean
}

/**
 * What the plenary board remembers of its synthesis, in its doc's meta map, so gathering
 * again keeps renamed clusters, edited texts and entries merged or split by hand.
 */
export interface GatherState {
  version: 1
  /** Key area key → the cluster frame standing for it. */
  keyAreas: Record<string, { frameId: string }>
  /** Entry key (the note's `meta.synthesisKey`) → entry. */
  entries: Record<string, TrackedEntry>
}

const GATHER_META_KEY = 'synthesis'

export function emptyGatherState(): GatherState {
  return { version: 1, keyAreas: {}, entries: {} }
}

export function readGatherState(doc: Y.Doc): GatherState | undefined {
  const stored = metaMap(doc).get(GATHER_META_KEY)
  if (typeof stored !== 'string') return undefined
  try {
    const parsed = JSON.parse(stored) as GatherState
    return parsed.version === 1 ? parsed : undefined
  } catch {
    return undefined
  }
}

/** Stored as one JSON string: the state is replaced whole, never merged field by field. */
export function writeGatherState(doc: Y.Doc, state: GatherState) {
  metaMap(doc).set(GATHER_META_KEY, JSON.stringify(state))
}
