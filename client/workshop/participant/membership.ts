/**
 * What a participant's browser remembers: their secret key per workshop (so a reload lands
 * on their board again) and their municipality (so the next workshop's form is pre-filled).
 */
const KEY_PREFIX = 'samskapa.participantKey.'
const MUNICIPALITY = 'samskapa.municipality'

export function storedParticipantKey(workshopId: string): string | undefined {
  return localStorage.getItem(KEY_PREFIX + workshopId) ?? undefined
}

export function storeParticipantKey(workshopId: string, key: string) {
  localStorage.setItem(KEY_PREFIX + workshopId, key)
}

export function forgetParticipantKey(workshopId: string) {
  localStorage.removeItem(KEY_PREFIX + workshopId)
}

export function storedMunicipality(): string {
  return localStorage.getItem(MUNICIPALITY) ?? ''
}

export function storeMunicipality(municipality: string) {
  localStorage.setItem(MUNICIPALITY, municipality.trim())
}
