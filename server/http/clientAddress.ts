import type { IncomingMessage } from 'node:http'

/**
 * The address limits and rate limits are counted by. Behind a reverse proxy every request
 * comes from the proxy, so with TRUST_PROXY the address the proxy appended to
 * X-Forwarded-For is used: the last entry, since a client can forge the earlier ones.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = request.headers['x-forwarded-for']
    const value = Array.isArray(header) ? header.at(-1) : header
    const last = value?.split(',').at(-1)?.trim()
    if (last) return last
  }
  return request.socket.remoteAddress ?? 'unknown'
}
