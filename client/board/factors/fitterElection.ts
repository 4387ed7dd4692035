/** The awareness field an editing client sets to offer to fit notes. */
export const FITTER_FIELD = 'fitsNotes'

/**
 * Which client fits server-written notes to their text: the editing client with the lowest
 * awareness id among those present. Exactly one client writes a fitted size, so opening a
 * board writes nothing for everyone else, and two browsers whose fonts measure a pixel apart
 * never take turns rewriting the same notes.
 */
export function isElectedFitter(
  ownClientId: number,
  states: ReadonlyMap<number, Record<string, unknown>>,
): boolean {
  for (const [clientId, state] of states) {
    if (clientId < ownClientId && state[FITTER_FIELD] === true) return false
  }
  return states.get(ownClientId)?.[FITTER_FIELD] === true
}
