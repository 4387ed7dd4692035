import type { TFunction } from 'i18next'
import { ApiRequestError } from '../common/api'
import { requestProblem } from '../common/requestProblem'

/**
 * Why a capture failed, in the page's language: what a capture's refusals mean said in its
 * own words, the rest as any request's. An error that is no request's came from drawing.
 */
export function captureFailure(t: TFunction, error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 401 || error.status === 403) return t('capture.errors.forbidden')
    if (error.status === 404) return t('capture.errors.notFound')
    if (error.status === 413) return t('capture.errors.tooLarge')
  }
  return requestProblem(t, error) ?? t('capture.errors.render')
}
