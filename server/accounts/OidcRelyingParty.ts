import * as oidc from 'openid-client'
import type { OidcSettings } from '../config'

/** What the server keeps between sending a person to the provider and their return. */
export interface PendingSignIn {
  state: string
  nonce: string
  codeVerifier: string
  /** A path on this server to return to afterwards. */
  returnTo: string
  startedAt: number
}

/** The person as the provider vouched for them, reduced to what Samskapa keeps. */
export interface VerifiedPerson {
  issuer: string
  subject: string
  name: string
  email: string | null
  emailVerified: boolean
  groups: string[]
}

/** Tolerated difference between our clock and the provider's when checking token times. */
const CLOCK_TOLERANCE_SECONDS = 60

/**
 * The relying party of the authorization code flow with PKCE, through `openid-client`, which
 * checks state, nonce, PKCE, issuer, audience, expiry and signature (and refuses `alg: none`).
 * Discovery runs on first use and again after a failure, so a provider that is down at start
 * does not keep the server from starting.
 */
export class OidcRelyingParty {
  private configuration: Promise<oidc.Configuration> | undefined

  constructor(private readonly settings: OidcSettings) {}

  async authorizationUrl(redirectUri: string, returnTo: string) {
    const config = await this.discovered()
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
      startedAt: Date.now(),
    }
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    })
    return { url, pending }
  }

  /** Redeems the code of the callback URL; throws when any check fails. */
  async verify(callbackUrl: URL, pending: PendingSignIn): Promise<VerifiedPerson> {
    const config = await this.discovered()
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    })
    const claims = tokens.claims()
    if (!claims) throw new Error('the provider sent no ID token')
    let profile: Record<string, unknown> = claims
    if (!claims.name || !claims.email) {
      const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
      profile = { ...userInfo, ...claims }
    }
    const email = typeof profile.email === 'string' ? profile.email : null
    const name =
      [profile.name, profile.preferred_username, email].find(
        (value): value is string => typeof value === 'string' && value.trim() !== '',
      ) ?? claims.sub
    const groups = profile[this.settings.groupsClaim]
    return {
      issuer: claims.iss,
      subject: claims.sub,
      name: name.trim().slice(0, 200),
      email: email?.slice(0, 320) ?? null,
      emailVerified: profile.email_verified === true,
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    }
  }

  private discovered(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer)
      this.configuration = oidc.discovery(
        issuer,
        this.settings.clientId,
        {
          client_secret: this.settings.clientSecret,
          [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS,
        },
        undefined,
        {
          execute: [
            // Plain HTTP is only for a provider on this machine (tests, a local Keycloak).
            ...(issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : []),
            // Signatures are checked even on tokens straight from the token endpoint.
            oidc.enableNonRepudiationChecks,
          ],
        },
      )
      this.configuration.catch(() => (this.configuration = undefined))
    }
    return this.configuration
  }
}
