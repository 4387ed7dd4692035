import type { SynthesisWording } from '../workshopContracts'

/**
 * Each group's own wording of a plenary entry, as the gathering stores them in the entry
 * note's meta; anything malformed there is left out.
 */
export function wordingsOf(meta: unknown): SynthesisWording[] {
  const wordings = (meta as { wordings?: unknown } | undefined)?.wordings
  if (!Array.isArray(wordings)) return []
  return wordings.filter(
    (entry): entry is SynthesisWording =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as SynthesisWording).text === 'string' &&
      typeof (entry as SynthesisWording).groupId === 'string',
  )
}
