import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose'

/** What the rogue provider does wrong in the ID token it issues. */
export type RogueMode = 'honest' | 'wrongAudience' | 'expired' | 'unsigned' | 'otherKey'

export interface RogueProvider {
  issuer: string
  clientId: string
  clientSecret: string
  mode: RogueMode
  stop(): Promise<void>
}

function base64url(value: object) {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/**
 * A real OpenID Provider on a free port that answers like one but can issue a bad ID token:
 * for another audience, expired, unsigned (`alg: none`) or signed with a key it never
 * published. It lets the tests show that Samskapa refuses each; `oidc-provider` itself never
 * issues such tokens.
 */
export async function startRogueProvider(): Promise<RogueProvider> {
  const signing = await generateKeyPair('RS256')
  const stranger = await generateKeyPair('RS256')
  const jwk: JWK = { ...(await exportJWK(signing.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
  const codes = new Map<string, { nonce: string }>()
  const state: RogueProvider = {
    issuer: '',
    clientId: 'samskapa-rogue',
    clientSecret: 'rogue-secret-0123456789-0123456789',
    mode: 'honest',
    stop: async () => {},
  }

  async function idToken(nonce: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000)
    const claims = {
      iss: state.issuer,
      sub: 'rogue-user',
      aud: state.mode === 'wrongAudience' ? 'someone-else' : state.clientId,
      iat: state.mode === 'expired' ? now - 7200 : now,
      exp: state.mode === 'expired' ? now - 3600 : now + 300,
      nonce,
      name: 'Rogue Person',
      email: 'rogue@example.org',
    }
    if (state.mode === 'unsigned') return `${base64url({ alg: 'none' })}.${base64url(claims)}.`
    const key = state.mode === 'otherKey' ? stranger.privateKey : signing.privateKey
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key)
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', state.issuer)
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer: state.issuer,
          authorization_endpoint: `${state.issuer}/authorize`,
          token_endpoint: `${state.issuer}/token`,
          jwks_uri: `${state.issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        })
      }
      if (url.pathname === '/jwks') return json(200, { keys: [jwk] })
      if (url.pathname === '/authorize') {
        const code = randomBytes(16).toString('hex')
        codes.set(code, { nonce: url.searchParams.get('nonce') ?? '' })
        const back = new URL(url.searchParams.get('redirect_uri')!)
        back.searchParams.set('code', code)
        back.searchParams.set('state', url.searchParams.get('state') ?? '')
        back.searchParams.set('iss', state.issuer)
        res.writeHead(302, { Location: back.href }).end()
        return
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const chunks: Buffer[] = []
        for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
        const code = new URLSearchParams(Buffer.concat(chunks).toString()).get('code') ?? ''
        const issued = codes.get(code)
        if (!issued) return json(400, { error: 'invalid_grant' })
        codes.delete(code)
        return json(200, {
          access_token: randomBytes(16).toString('hex'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: await idToken(issued.nonce),
        })
      }
      res.writeHead(404).end()
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  state.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return state
}
