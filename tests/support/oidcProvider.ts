import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration } from 'oidc-provider'

/** A person the test provider knows, signing in with `login` and `password`. */
export interface TestUser {
  login: string
  password: string
  name: string
  email: string
  groups?: string[]
}

export interface TestProvider {
  issuer: string
  clientId: string
  clientSecret: string
  provider: Provider
  stop(): Promise<void>
}

const CLIENT_ID = 'samskapa-test'
const CLIENT_SECRET = 'a-client-secret-for-tests-only-0123456789'

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function loginPage(uid: string, problem?: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider</title></head>
<body><main><h1>Test provider sign-in</h1>${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label>User <input name="login" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button></form></main></body></html>`
}

async function formBody(req: http.IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

/**
 * A real OpenID Provider (`oidc-provider`, a certified implementation) on a free port, with one
 * confidential client for Samskapa and a plain login form for the test users. PKCE is required,
 * as at Entra ID and Keycloak.
 */
export async function startOidcProvider(
  redirectUris: string[],
  users: TestUser[],
  overrides: Partial<Configuration> = {},
): Promise<TestProvider> {
  // The issuer names the port, so the provider is made once the server listens.
  const started: { provider?: Provider } = {}
  const server = http.createServer((req, res) => {
    const interaction = /^\/interaction\/([^/?]+)/.exec(req.url ?? '')
    if (interaction && started.provider) {
      void handleInteraction(started.provider, users, interaction[1]!, req, res).catch(() => {
        res.writeHead(500).end('interaction failed')
      })
      return
    }
    void started.provider?.callback()(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-provider-cookie-key'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const user = users.find((u) => u.login === sub)
      if (!user) return undefined
      return {
        accountId: sub,
        claims: () => ({
          sub,
          name: user.name,
          email: user.email,
          email_verified: true,
          groups: user.groups ?? [],
        }),
      }
    },
    ...overrides,
  })
  started.provider = provider
  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    provider,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function handleInteraction(
  provider: Provider,
  users: TestUser[],
  uid: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const details = await provider.interactionDetails(req, res)
  if (details.uid !== uid) throw new Error('interaction mismatch')
  if (req.method !== 'POST') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginPage(uid))
    return
  }
  const form = await formBody(req)
  const user = users.find((u) => u.login === form.get('login'))
  if (!user || user.password !== form.get('password')) {
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(loginPage(uid, 'Wrong user or password'))
    return
  }
  const clientId = String(details.params.client_id)
  const grant = new provider.Grant({ accountId: user.login, clientId })
  grant.addOIDCScope(String(details.params.scope))
  const grantId = await grant.save()
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.login }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  )
}

/** A port that is free now, so the provider can know Samskapa's callback before it starts. */
export async function freePort(): Promise<number> {
  const probe = http.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as AddressInfo).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** A Samskapa server wired to `provider` with the settings an operator would set. */
export function oidcSettings(provider: TestProvider, extra: Record<string, string> = {}) {
  return {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_SCOPES: 'openid profile email groups',
    ...extra,
  }
}
