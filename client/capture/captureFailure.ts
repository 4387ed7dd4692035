import type { TFunction } from 'i18next'
import { ApiRequestError } from '../common/api'

/**
 * Why a capture failed, in the page's language: the server's own message is for logs and
 * programs. A fetch that never reached the server rejects with a TypeError.
 */
export function captureFailure(t: TFunction, error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 401 || error.status === 403) return t('capture.errors.forbidden')
    if (error.status === 404) return t('capture.errors.notFound')
    if (error.status === 413) return t('capture.errors.tooLarge')
    if (error.status === 429) return t('capture.errors.tooMany')
    if (error.status >= 500) return t('capture.errors.server')
    return t('capture.errors.rejected')
  }
  if (error instanceof TypeError) return t('capture.errors.offline')
  return t('capture.errors.render')
}
