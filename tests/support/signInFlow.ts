/**
 * A tiny browser for the sign-in flow over plain HTTP: it keeps cookies per origin and follows
 * redirects one by one, so a test can stop before Samskapa's callback and tamper with it.
 */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>()

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name)
  }

  setCookie(origin: string, name: string, value: string) {
    const jar = this.jars.get(origin) ?? new Map<string, string>()
    jar.set(name, value)
    this.jars.set(origin, jar)
  }

  /** One request, without following redirects; remembers the cookies it sets. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin
    const jar = this.jars.get(origin)
    const headers = new Headers(init.headers)
    if (jar && jar.size > 0) {
      headers.set('Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '))
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const separator = pair!.indexOf('=')
      const name = pair!.slice(0, separator).trim()
      const value = pair!.slice(separator + 1).trim()
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === ''
      const target = this.jars.get(origin) ?? new Map<string, string>()
      if (expired) target.delete(name)
      else target.set(name, value)
      this.jars.set(origin, target)
    }
    return response
  }

  /** Follows redirects until one leads to `stopAt` (returned unvisited) or a page answers. */
  async follow(
    url: string,
    stopAt?: (url: URL) => boolean,
  ): Promise<{ url: URL; response?: Response }> {
    let current = new URL(url)
    for (let hop = 0; hop < 20; hop++) {
      if (stopAt?.(current)) return { url: current }
      const response = await this.request(current.href)
      const location = response.headers.get('location')
      if (response.status < 300 || response.status >= 400 || !location) {
        return { url: current, response }
      }
      current = new URL(location, current)
    }
    throw new Error('too many redirects')
  }
}

/**
 * Signs `login` in at the provider, starting at Samskapa's `/auth/login`, and returns the
 * provider's redirect back to Samskapa's callback without visiting it.
 */
export async function reachCallback(
  browser: CookieBrowser,
  serverUrl: string,
  login: string,
  password: string,
): Promise<URL> {
  const isCallback = (url: URL) => url.pathname === '/auth/callback'
  const atProvider = await browser.follow(`${serverUrl}/auth/login?returnTo=/`, isCallback)
  if (isCallback(atProvider.url)) return atProvider.url
  const form = await atProvider.response!.text()
  const action = /action="([^"]+)"/.exec(form)?.[1]
  if (!action) throw new Error(`no login form at ${atProvider.url.href}: ${form.slice(0, 200)}`)
  const posted = await browser.request(new URL(action, atProvider.url).href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }).toString(),
  })
  const next = posted.headers.get('location')
  if (!next) throw new Error(`login refused: ${(await posted.text()).slice(0, 200)}`)
  const back = await browser.follow(new URL(next, atProvider.url).href, isCallback)
  if (!isCallback(back.url)) throw new Error(`did not return to Samskapa: ${back.url.href}`)
  return back.url
}
