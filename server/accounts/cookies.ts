import type { IncomingMessage } from 'node:http'

export const SESSION_COOKIE = 'samskapa_session'
export const SIGN_IN_COOKIE = 'samskapa_signin'

/** The value of one cookie of the request, if present. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator < 0) continue
    if (part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim()
      return value || undefined
    }
  }
  return undefined
}

export interface CookieOptions {
  maxAgeSeconds: number
  secure: boolean
  path?: string
}

/** A Set-Cookie value: always HttpOnly and SameSite=Lax, Secure behind TLS. */
export function cookieHeader(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path ?? '/'}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
  ]
  if (options.secure) parts.push('Secure')
  return parts.join('; ')
}

export function clearedCookie(name: string, secure: boolean, path = '/'): string {
  return cookieHeader(name, '', { maxAgeSeconds: 0, secure, path })
}
