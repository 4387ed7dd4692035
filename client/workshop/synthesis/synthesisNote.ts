import type { SynthesisReason, SynthesisWording } from '../../../shared/workshopContracts'

/** What a plenary note says of the synthesis entry it stands for (its `meta`). */
export interface SynthesisNote {
  wordings: SynthesisWording[]
  why?: SynthesisReason
}

function isWording(value: unknown): value is SynthesisWording {
  const wording = value as SynthesisWording | null
  return (
    typeof wording === 'object' &&
    wording !== null &&
    typeof wording.text === 'string' &&
    typeof wording.groupId === 'string' &&
    typeof wording.factorId === 'string'
  )
}

function isReason(value: unknown): value is SynthesisReason {
  const why = value as SynthesisReason | null
  return (
    typeof why === 'object' &&
    why !== null &&
    Array.isArray(why.sharedIdea) &&
    why.sharedIdea.every((word) => typeof word === 'string') &&
    typeof why.confidence === 'number'
  )
}

/** Reads a note's synthesis meta defensively: anyone on the board may have written it. */
export function readSynthesisNote(meta: unknown): SynthesisNote | undefined {
  const { wordings, why, synthesisKey } = (meta ?? {}) as Record<string, unknown>
  if (typeof synthesisKey !== 'string' || !Array.isArray(wordings)) return undefined
  return {
    wordings: wordings.filter(isWording),
    ...(isReason(why) ? { why } : {}),
  }
}
