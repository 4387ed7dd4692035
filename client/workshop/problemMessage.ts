import type { TFunction } from 'i18next'
import { ApiRequestError } from '../common/api'

/**
 * What went wrong with a workshop request, in the page's language. The server's own message
 * is for logs and programs; a person reads one of these.
 */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t('workshop.errors.offline')
  if (error.status === 404) return t('workshop.errors.erased')
  if (error.status === 401 || error.status === 403) return t('workshop.errors.unauthorized')
  if (error.status === 429) return t('workshop.errors.tooMany')
  if (error.status >= 500) return t('workshop.errors.server')
  return t('workshop.errors.rejected')
}
