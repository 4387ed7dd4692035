import type { IncomingMessage, ServerResponse } from 'node:http'
import { acceptedLanguage } from './language'

/** A body that is a promise would be sent as `{}`: the type refuses one, so it must be awaited. */
type NotPromise<T> = T extends PromiseLike<unknown> ? never : T

export function sendJson<T>(res: ServerResponse, status: number, body: NotPromise<T>) {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  })
  res.end(json)
}

export function sendError(res: ServerResponse, status: number, error: string, message: string) {
  sendJson(res, status, { error, message })
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds until asking again may succeed: sent as `Retry-After` (with a 429 or 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

/**
 * Reads a request body up to `limit` bytes; a larger body is a 413, refused as soon as it is
 * announced (Content-Length) or its bytes pass the limit, so it is never held in memory.
 */
export async function readBodyBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    throw new HttpError(413, 'too_large', `body larger than ${limit} bytes`)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, 'too_large', `body larger than ${limit} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** Reads a UTF-8 request body up to `limit` bytes; a larger body is a 413. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return (await readBodyBytes(req, limit)).toString('utf8')
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = await readBody(req, limit)
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'invalid_json', 'request body is not valid JSON')
  }
}

/** The request's preferred UI language: Swedish when the browser asks for it, else English. */
export function requestLanguage(req: IncomingMessage): 'sv' | 'en' {
  return acceptedLanguage(req.headers['accept-language']) ?? 'en'
}

/** The UI's language: the `lang` query parameter the client sends, else the browser's. */
export function uiLanguage(req: IncomingMessage, url: URL): 'sv' | 'en' {
  const lang = url.searchParams.get('lang')
  return lang === 'sv' || lang === 'en' ? lang : requestLanguage(req)
}
