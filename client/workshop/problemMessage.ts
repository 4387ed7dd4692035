import type { TFunction } from 'i18next'
import { ApiRequestError } from '../common/api'
import { requestProblem } from '../common/requestProblem'

/**
 * What went wrong with a workshop request, in the page's language. Only two answers read
 * differently from any other request's: the workshop itself is gone (the server says
 * `unknown_workshop`, not just any 404: a missing board or page is not an erased workshop),
 * and a link that no longer works, which only the facilitator can replace.
 */
export function problemMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 404 && error.code === 'unknown_workshop')
      return t('workshop.errors.erased')
    if (error.status === 401 || error.status === 403) return t('workshop.errors.unauthorized')
  }
  return requestProblem(t, error) ?? t('request.offline')
}
