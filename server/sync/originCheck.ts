import type { IncomingMessage } from 'node:http'

/**
 * Browsers send an Origin with every WebSocket; a page on another site must not open sync
 * sockets with a user's link. Programs (no Origin) are let through: they hold the link anyway.
 */
export function isOriginAllowed(
  request: IncomingMessage,
  allowedOrigins: string[],
  publicUrl: string | undefined,
): boolean {
  const origin = request.headers.origin
  if (!origin) return true
  if (allowedOrigins.includes(origin)) return true
  if (publicUrl && new URL(publicUrl).origin === origin) return true
  try {
    return new URL(origin).host === request.headers.host
  } catch {
    return false
  }
}
