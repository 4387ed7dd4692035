import type { TFunction } from 'i18next'
import { ApiRequestError } from './api'
import { registerStrings } from './registerStrings'

registerStrings({
  sv: {
    request: {
      forbidden: 'Den här länken får inte göra det.',
      notFound: 'Det finns inte (längre).',
      tooLarge: 'Det är för stort, eller tavlan är full.',
      boardFull:
        'Tavlan är full: det får inte plats så mycket mer på den. Ta bort något först, eller fortsätt på en ny tavla.',
      conflict: 'Det går inte just nu: tavlan har nått sin gräns.',
      tooMany: 'För många försök just nu. Vänta en minut och försök igen.',
      server: 'Något gick fel på servern. Försök igen om en stund.',
      rejected: 'Servern tog inte emot det. Kontrollera uppgifterna och försök igen.',
      offline: 'Ingen kontakt med servern. Kontrollera nätet och försök igen.',
    },
  },
  en: {
    request: {
      forbidden: 'This link may not do that.',
      notFound: 'It does not exist (any more).',
      tooLarge: 'It is too large, or the board is full.',
      boardFull:
        'The board is full: that much more does not fit on it. Delete something first, or carry on on a new board.',
      conflict: 'Not possible right now: the board has reached its limit.',
      tooMany: 'Too many attempts right now. Wait a minute and try again.',
      server: 'Something went wrong on the server. Try again in a moment.',
      rejected: 'The server did not take it. Check what you entered and try again.',
      offline: 'No connection to the server. Check the network and try again.',
    },
  },
})

/**
 * What went wrong with a board request, in the page's language: the server's own message is
 * for logs and programs, a person reads one of these. Undefined for an error that is no
 * request's (the caller says what it was doing).
 */
export function requestProblem(t: TFunction, error: unknown): string | undefined {
  if (error instanceof ApiRequestError) {
    if (error.status === 401 || error.status === 403) return t('request.forbidden')
    if (error.status === 404 || error.status === 410) return t('request.notFound')
    if (error.status === 413) return boardFullProblem(t, error) ?? t('request.tooLarge')
    if (error.status === 409) return t('request.conflict')
    if (error.status === 429) return t('request.tooMany')
    if (error.status >= 500) return t('request.server')
    return t('request.rejected')
  }
  // A fetch that never reached the server rejects with a TypeError.
  if (error instanceof TypeError) return t('request.offline')
  return undefined
}

/**
 * Words for a write the server refused because the board is full (413 `board_full`: records
 * or bytes past the board's limits), else undefined. For dialogs that otherwise show the
 * server's own message, which explains a bad import in the request's language.
 */
export function boardFullProblem(t: TFunction, error: unknown): string | undefined {
  if (error instanceof ApiRequestError && error.code === 'board_full') {
    return t('request.boardFull')
  }
  return undefined
}
