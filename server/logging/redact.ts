/**
 * Secrets travel in URLs (`?token=`, `?participant=`) and headers (`Authorization`), so any
 * string that reaches a log line may carry one. These functions blank them out wherever they
 * appear; the logger applies them to every line.
 */

const SECRET_PARAMS = /([?&;](?:token|participant|key|admin)=)[^&#\s"']*/gi
const BEARER = /(Bearer\s+)[^\s"',]+/gi
const REDACTED = '[redacted]'

/** A URL with every query value blanked: the path helps an operator, the query never does. */
export function redactUrl(url: unknown): unknown {
  if (typeof url !== 'string') return url
  const queryStart = url.indexOf('?')
  if (queryStart < 0) return url
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => (pair.includes('=') ? `${pair.slice(0, pair.indexOf('='))}=${REDACTED}` : pair))
  return `${url.slice(0, queryStart)}?${query.join('&')}`
}

/** A free text (an error message, a detail) with secret-looking parts blanked. */
export function redactText(text: string): string {
  return text.replace(SECRET_PARAMS, `$1${REDACTED}`).replace(BEARER, `$1${REDACTED}`)
}

/** The same, applied to every string field of a log line's object, one level deep. */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    clean[key] = typeof value === 'string' ? redactText(value) : value
  }
  return clean
}
