import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MyScope } from '../../shared/accountContracts'
import type { CreatedWorkshop } from '../../shared/workshopContracts'
import {
  freePort,
  oidcSettings,
  startOidcProvider,
  type TestProvider,
} from '../support/oidcProvider'
import { startRogueProvider, type RogueProvider } from '../support/rogueProvider'
import { CookieBrowser, reachCallback } from '../support/signInFlow'
import { startTestServer, type TestServer } from '../support/testServer'

const users = [
  {
    login: 'anna',
    password: 'pw-anna',
    name: 'Anna Berg',
    email: 'anna@kommun.se',
    groups: ['samskapa'],
  },
  {
    login: 'erik',
    password: 'pw-erik',
    name: 'Erik Lund',
    email: 'erik@kommun.se',
    groups: ['samskapa'],
  },
  {
    login: 'karin',
    password: 'pw-karin',
    name: 'Karin Ek',
    email: 'karin@kommun.se',
    groups: ['samskapa'],
  },
  {
    login: 'olle',
    password: 'pw-olle',
    name: 'Olle Utan',
    email: 'olle@kommun.se',
    groups: ['annat'],
  },
]

async function signIn(server: TestServer, login: string, password: string) {
  const browser = new CookieBrowser()
  const callback = await reachCallback(browser, server.url, login, password)
  const done = await browser.request(callback.href)
  expect(done.status).toBe(302)
  return browser
}

function post(
  browser: CookieBrowser,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return browser.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: new URL(url).origin, ...headers },
    body: JSON.stringify(body),
  })
}

describe('sign-in with the municipality’s OpenID provider', () => {
  let provider: TestProvider
  let server: TestServer

  beforeAll(async () => {
    const port = await freePort()
    provider = await startOidcProvider([`http://127.0.0.1:${port}/auth/callback`], users)
    server = await startTestServer({
      PORT: String(port),
      ...oidcSettings(provider, { OIDC_ALLOWED_GROUPS: 'samskapa' }),
    })
  })

  afterAll(async () => {
    await server?.stop()
    await provider?.stop()
  })

  it('needs a sign-in to create workshops and boards', async () => {
    const workshop = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Utan konto', groups: 2 }),
    })
    expect(workshop.status).toBe(401)
    const board = await fetch(`${server.url}/api/boards`, { method: 'POST', body: '{}' })
    expect(board.status).toBe(401)
    const session = await (await fetch(`${server.url}/api/session`)).json()
    expect(session).toEqual({ signInEnabled: true, user: null })
  })

  it('lists what a person created, with links, after signing out and in again', async () => {
    const anna = await signIn(server, 'anna', 'pw-anna')
    const me = await (await anna.request(`${server.url}/api/session`)).json()
    expect(me.user).toEqual({ name: 'Anna Berg', email: 'anna@kommun.se' })
    const created = await post(anna, `${server.url}/api/workshops`, {
      title: 'LEDA dag 3',
      groups: 2,
    })
    expect(created.status).toBe(201)
    const workshop = (await created.json()) as CreatedWorkshop

    const logout = await anna.request(`${server.url}/auth/logout`, {
      method: 'POST',
      headers: { Origin: server.url },
    })
    expect(logout.status).toBe(204)
    expect((await anna.request(`${server.url}/api/me/scopes`)).status).toBe(401)

    const again = await signIn(server, 'anna', 'pw-anna')
    const scopes = (await (await again.request(`${server.url}/api/me/scopes`)).json()) as MyScope[]
    const mine = scopes.find((scope) => scope.id === workshop.id)
    expect(mine).toMatchObject({ kind: 'workshop', title: 'LEDA dag 3', relation: 'owner' })
    expect(mine!.links).toEqual(workshop.links)
  })

  it('shows a workshop to a second person only once they are made co-facilitator', async () => {
    const anna = await signIn(server, 'anna', 'pw-anna')
    const erik = await signIn(server, 'erik', 'pw-erik')
    const workshop = (await (
      await post(anna, `${server.url}/api/workshops`, { title: 'Delad', groups: 1 })
    ).json()) as CreatedWorkshop
    const erikSees = async () =>
      ((await (await erik.request(`${server.url}/api/me/scopes`)).json()) as MyScope[]).some(
        (scope) => scope.id === workshop.id,
      )
    expect(await erikSees()).toBe(false)
    // Without a token, Erik is nobody on this workshop.
    expect((await erik.request(`${server.url}/api/workshops/${workshop.id}`)).status).toBe(401)

    const added = await post(anna, `${server.url}/api/workshops/${workshop.id}/facilitators`, {
      person: 'erik@kommun.se',
    })
    expect(added.status).toBe(201)
    expect(await erikSees()).toBe(true)
    const info = await (await erik.request(`${server.url}/api/workshops/${workshop.id}`)).json()
    expect(info.role).toBe('facilitator')
    expect(info.links).toEqual(workshop.links)

    const list = await (
      await anna.request(`${server.url}/api/workshops/${workshop.id}/facilitators`)
    ).json()
    const erikId = list.find((f: { email: string }) => f.email === 'erik@kommun.se').accountId
    const removed = await anna.request(
      `${server.url}/api/workshops/${workshop.id}/facilitators/${erikId}`,
      { method: 'DELETE', headers: { Origin: server.url } },
    )
    expect(removed.status).toBe(204)
    expect(await erikSees()).toBe(false)
  })

  it('keeps a signed-in person on a participant link a participant', async () => {
    const anna = await signIn(server, 'anna', 'pw-anna')
    const erik = await signIn(server, 'erik', 'pw-erik')
    const workshop = (await (
      await post(anna, `${server.url}/api/workshops`, { title: 'Roller', groups: 1 })
    ).json()) as CreatedWorkshop
    const participantLink = new URL(workshop.links.participant)
    const token = participantLink.searchParams.get('token')!
    const asErik = await (
      await erik.request(`${server.url}/api/workshops/${workshop.id}?token=${token}`)
    ).json()
    expect(asErik.role).toBe('participant')
    const asAnna = await (
      await anna.request(`${server.url}/api/workshops/${workshop.id}?token=${token}`)
    ).json()
    expect(asAnna.role).toBe('facilitator')
    // And a guest without any account joins by link as before.
    const guest = await fetch(`${server.url}/api/workshops/${workshop.id}?token=${token}`)
    expect((await guest.json()).role).toBe('participant')
  })

  it('refuses a person outside the allowed groups with a page in their language', async () => {
    const browser = new CookieBrowser()
    const callback = await reachCallback(browser, server.url, 'olle', 'pw-olle')
    const page = await browser.request(callback.href, { headers: { 'Accept-Language': 'sv-SE' } })
    expect(page.status).toBe(403)
    const html = await page.text()
    expect(html).toContain('Ditt konto hör inte till någon grupp')
    expect(html).not.toMatch(/at .*\.ts:\d+/)
    expect(browser.cookie(server.url, 'samskapa_session')).toBeUndefined()
  })

  it('changes the session id at sign-in (no session fixation)', async () => {
    const browser = new CookieBrowser()
    browser.setCookie(server.url, 'samskapa_session', 'chosen-by-an-attacker')
    const first = await signIn(server, 'anna', 'pw-anna')
    const firstId = first.cookie(server.url, 'samskapa_session')
    const callback = await reachCallback(browser, server.url, 'anna', 'pw-anna')
    await browser.request(callback.href)
    const id = browser.cookie(server.url, 'samskapa_session')
    expect(id).toBeDefined()
    expect(id).not.toBe('chosen-by-an-attacker')
    expect(id).not.toBe(firstId)
    // Signing in again in the same browser ends the session it had.
    const againCallback = await reachCallback(browser, server.url, 'anna', 'pw-anna')
    await browser.request(againCallback.href)
    const stale = await fetch(`${server.url}/api/session`, {
      headers: { Cookie: `samskapa_session=${id}` },
    })
    expect((await stale.json()).user).toBeNull()
  })

  it('refuses a tampered state and a replayed code', async () => {
    const browser = new CookieBrowser()
    const callback = await reachCallback(browser, server.url, 'anna', 'pw-anna')
    const signInCookie = browser.cookie(server.url, 'samskapa_signin')!
    const tampered = new URL(callback)
    tampered.searchParams.set('state', 'forged')
    const refused = await browser.request(tampered.href)
    expect(refused.status).toBe(400)
    expect(browser.cookie(server.url, 'samskapa_session')).toBeUndefined()

    const honest = new CookieBrowser()
    const good = await reachCallback(honest, server.url, 'anna', 'pw-anna')
    const kept = honest.cookie(server.url, 'samskapa_signin')!
    expect((await honest.request(good.href)).status).toBe(302)
    // The same code again, even with the sign-in cookie put back, is refused.
    const replay = new CookieBrowser()
    replay.setCookie(server.url, 'samskapa_signin', kept)
    const replayed = await replay.request(good.href)
    expect(replayed.status).toBe(400)
    expect(replay.cookie(server.url, 'samskapa_session')).toBeUndefined()
    expect(signInCookie).not.toBe(kept)
  })

  it('refuses a cross-site POST that carries the session cookie', async () => {
    const anna = await signIn(server, 'anna', 'pw-anna')
    const forged = await post(
      anna,
      `${server.url}/api/workshops`,
      { title: 'Förfalskad', groups: 1 },
      { Origin: 'https://evil.example' },
    )
    expect(forged.status).toBe(403)
    const scopes = (await (await anna.request(`${server.url}/api/me/scopes`)).json()) as MyScope[]
    expect(scopes.some((scope) => scope.title === 'Förfalskad')).toBe(false)
  })

  it('forgets who facilitated a workshop when it is erased', async () => {
    const anna = await signIn(server, 'anna', 'pw-anna')
    const workshop = (await (
      await post(anna, `${server.url}/api/workshops`, { title: 'Raderas', groups: 1 })
    ).json()) as CreatedWorkshop
    const erased = await anna.request(`${server.url}/api/workshops/${workshop.id}`, {
      method: 'DELETE',
      headers: { Origin: server.url },
    })
    expect(erased.status).toBe(204)
    const scopes = (await (await anna.request(`${server.url}/api/me/scopes`)).json()) as MyScope[]
    expect(scopes.some((scope) => scope.id === workshop.id)).toBe(false)
  })
})

/** The operator command, run as an operator would, against the server's DATA_DIR. */
async function accountsCommand(dataDir: string, ...args: string[]) {
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/accounts.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
  })
  return stdout
}

describe('removing a signed-in person (operator command)', () => {
  let provider: TestProvider
  let server: TestServer
  let port: number

  beforeAll(async () => {
    port = await freePort()
    provider = await startOidcProvider([`http://127.0.0.1:${port}/auth/callback`], users)
    server = await startTestServer({ PORT: String(port), ...oidcSettings(provider) })
  })

  afterAll(async () => {
    await server?.stop()
    await provider?.stop()
  })

  it('hands their workshops to another facilitator and forgets them', async () => {
    const karin = await signIn(server, 'karin', 'pw-karin')
    const anna = await signIn(server, 'anna', 'pw-anna')
    const workshop = (await (
      await post(karin, `${server.url}/api/workshops`, { title: 'Karins dag', groups: 1 })
    ).json()) as CreatedWorkshop
    const out = await accountsCommand(
      server.dataDir,
      'remove',
      'karin@kommun.se',
      '--hand-to',
      'anna@kommun.se',
    )
    expect(out).toContain('handed over 1')
    const annas = (await (await anna.request(`${server.url}/api/me/scopes`)).json()) as MyScope[]
    expect(annas.find((scope) => scope.id === workshop.id)?.links).toEqual(workshop.links)
    expect((await karin.request(`${server.url}/api/me/scopes`)).status).toBe(401)
    expect(await accountsCommand(server.dataDir, 'list')).not.toContain('karin@kommun.se')
  })

  it('erases the workshops nobody else facilitates', async () => {
    const erik = await signIn(server, 'erik', 'pw-erik')
    const workshop = (await (
      await post(erik, `${server.url}/api/workshops`, { title: 'Eriks dag', groups: 1 })
    ).json()) as CreatedWorkshop
    const dataDir = server.dataDir
    await server.stop()
    const out = await accountsCommand(dataDir, 'remove', 'erik@kommun.se', '--erase-workshops')
    expect(out).toContain('erased 1 workshops')
    server = await startTestServer({ PORT: String(port), ...oidcSettings(provider) }, dataDir)
    const gone = await fetch(
      `${server.url}/api/workshops/${workshop.id}${new URL(workshop.links.facilitator).search}`,
    )
    expect(gone.status).toBe(404)
  })
})

describe('sign-in against a provider that issues bad ID tokens', () => {
  let rogue: RogueProvider
  let server: TestServer

  beforeAll(async () => {
    rogue = await startRogueProvider()
    server = await startTestServer({
      OIDC_ISSUER: rogue.issuer,
      OIDC_CLIENT_ID: rogue.clientId,
      OIDC_CLIENT_SECRET: rogue.clientSecret,
    })
  })

  afterAll(async () => {
    await server?.stop()
    await rogue?.stop()
  })

  it.each(['wrongAudience', 'expired', 'unsigned', 'otherKey'] as const)(
    'refuses an ID token that is %s',
    async (mode) => {
      rogue.mode = mode
      const browser = new CookieBrowser()
      const callback = await reachCallback(browser, server.url, 'x', 'y')
      const page = await browser.request(callback.href, { headers: { 'Accept-Language': 'en' } })
      expect(page.status).toBe(400)
      expect(await page.text()).toContain('Signing in did not work')
      expect(browser.cookie(server.url, 'samskapa_session')).toBeUndefined()
    },
  )

  it('signs in when the same provider behaves', async () => {
    rogue.mode = 'honest'
    const browser = new CookieBrowser()
    const callback = await reachCallback(browser, server.url, 'x', 'y')
    expect((await browser.request(callback.href)).status).toBe(302)
    expect(browser.cookie(server.url, 'samskapa_session')).toBeDefined()
  })
})

describe('sign-in from one address that tries too often', () => {
  let rogue: RogueProvider
  let server: TestServer

  beforeAll(async () => {
    rogue = await startRogueProvider()
    server = await startTestServer({
      OIDC_ISSUER: rogue.issuer,
      OIDC_CLIENT_ID: rogue.clientId,
      OIDC_CLIENT_SECRET: rogue.clientSecret,
      SIGN_INS_PER_MINUTE: '3',
    })
  })

  afterAll(async () => {
    await server?.stop()
    await rogue?.stop()
  })

  it('gets 429 with a page in its language once the minute’s sign-ins are spent', async () => {
    rogue.mode = 'honest'
    const browser = new CookieBrowser()
    const callback = await reachCallback(browser, server.url, 'x', 'y') // login: 1
    expect((await browser.request(callback.href)).status).toBe(302) // callback: 2
    expect((await browser.request(`${server.url}/auth/login`)).status).toBe(302) // 3
    const refused = await browser.request(`${server.url}/auth/login`, {
      headers: { 'Accept-Language': 'sv-SE' },
    })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('60')
    expect(await refused.text()).toContain('För många inloggningar')
    const english = await browser.request(`${server.url}/auth/callback?code=x&state=y`, {
      headers: { 'Accept-Language': 'en' },
    })
    expect(english.status).toBe(429)
    expect(await english.text()).toContain('Too many sign-ins')
  })
})
