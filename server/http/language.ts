import type { IncomingMessage } from 'node:http'

export type SupportedLanguage = 'sv' | 'en'

/**
 * The supported language the `Accept-Language` header ranks highest (by q-value, then
 * order), or undefined when it names neither Swedish nor English ("*" names no language).
 */
export function acceptedLanguage(header: string | undefined): SupportedLanguage | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order }
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.order - b.order)
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0]
    if (primary === 'sv' || primary === 'en') return primary
  }
  return undefined
}

/**
 * The language a new board or workshop is written in when the request does not say: what
 * the browser prefers, else Swedish, the language of the people the product is for.
 */
export function contentLanguage(req: IncomingMessage): SupportedLanguage {
  return acceptedLanguage(req.headers['accept-language']) ?? 'sv'
}
