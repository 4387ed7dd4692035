import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { Facilitator, MyScope, SessionInfo } from '../../shared/accountContracts'
import { revealTokens } from '../auth/tokens'
import { baseUrl } from '../http/api'
import { HttpError, readJson, requestLanguage, sendJson } from '../http/respond'
import type { Route, ServerContext } from '../http/Route'
import { invalidBody, JSON_LIMIT, workshopFor } from '../http/routes/workshopsCommon'
import { boardLinks, workshopLinks } from '../workshops/links'
import type { Accounts } from './Accounts'
import { clearedCookie, cookieHeader, readCookie, SESSION_COOKIE, SIGN_IN_COOKIE } from './cookies'
import type { PendingSignIn } from './OidcRelyingParty'
import { sendSignInProblem } from './signInPage'

const SIGN_IN_SECONDS = 600
const SIGN_IN_PURPOSE = 'sign-in in progress'
const ID = '([^/]*)'

const addBody = z.object({ person: z.string().trim().min(1).max(320) })

function enabled(context: ServerContext): Accounts {
  if (!context.accounts) throw new HttpError(404, 'not_found', 'sign-in is not set up here')
  return context.accounts
}

function secure(context: ServerContext, req: IncomingMessage): boolean {
  if (context.config.publicUrl) return context.config.publicUrl.startsWith('https:')
  return context.config.trustProxy && req.headers['x-forwarded-proto'] === 'https'
}

/** Only a path on this server: never another host (no open redirect). */
function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/'
  return value
}

async function signedIn(context: ServerContext, req: IncomingMessage) {
  const person = await enabled(context).personOf(req)
  if (person.kind === 'crossSite') {
    throw new HttpError(403, 'cross_site', 'a request from another site may not use your sign-in')
  }
  if (person.kind !== 'signedIn') throw new HttpError(401, 'unauthorized', 'sign in first')
  return person.account
}

/** Answers 429 with a page in the person's language when the address signs in too often. */
async function withinSignInLimit(
  context: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  try {
    await context.limits.signIn(req)
    return true
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 429) throw error
    context.log.warn({ reason: 'rateLimited' }, 'sign-in refused')
    res.setHeader('Retry-After', '60')
    sendSignInProblem(res, 429, 'rateLimited', requestLanguage(req))
    return false
  }
}

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/session$/,
    async handle({ req, res, context }) {
      const person = await context.accounts?.personOf(req)
      const info: SessionInfo = {
        signInEnabled: context.accounts !== undefined,
        user:
          person?.kind === 'signedIn'
            ? { name: person.account.name, email: person.account.email }
            : null,
      }
      sendJson(res, 200, info)
    },
  },
  {
    method: 'GET',
    pattern: /^\/auth\/login$/,
    async handle({ req, res, url, context }) {
      const accounts = enabled(context)
      if (!(await withinSignInLimit(context, req, res))) return
      const returnTo = safeReturnPath(url.searchParams.get('returnTo'))
      let started
      try {
        started = await accounts.relyingParty.authorizationUrl(
          `${baseUrl(context.config, req)}/auth/callback`,
          returnTo,
        )
      } catch (error) {
        context.log.warn({ reason: 'providerDown', err: String(error) }, 'sign-in failed')
        return sendSignInProblem(res, 502, 'providerDown', requestLanguage(req))
      }
      const sealed = accounts.key.seal(JSON.stringify(started.pending), SIGN_IN_PURPOSE)
      res.writeHead(302, {
        Location: started.url.href,
        'Set-Cookie': cookieHeader(SIGN_IN_COOKIE, sealed.toString('base64url'), {
          maxAgeSeconds: SIGN_IN_SECONDS,
          secure: secure(context, req),
          path: '/auth',
        }),
        'Cache-Control': 'no-store',
      })
      res.end()
    },
  },
  {
    method: 'GET',
    pattern: /^\/auth\/callback$/,
    async handle({ req, res, url, context }) {
      const accounts = enabled(context)
      if (!(await withinSignInLimit(context, req, res))) return
      const language = requestLanguage(req)
      const isSecure = secure(context, req)
      // The sign-in cookie is used once: a replayed callback finds none.
      const clearSignIn = clearedCookie(SIGN_IN_COOKIE, isSecure, '/auth')
      const sealed = readCookie(req, SIGN_IN_COOKIE)
      const opened = sealed && accounts.key.open(Buffer.from(sealed, 'base64url'), SIGN_IN_PURPOSE)
      const pending = opened ? (JSON.parse(opened) as PendingSignIn) : undefined
      if (!pending || Date.now() - pending.startedAt > SIGN_IN_SECONDS * 1000) {
        context.log.warn({ reason: 'noSignInInProgress' }, 'sign-in refused')
        res.setHeader('Set-Cookie', clearSignIn)
        return sendSignInProblem(res, 400, 'expired', language)
      }
      let person
      try {
        // The token request repeats the redirect URI, so it is built as the provider saw it.
        const callbackUrl = new URL(`${url.pathname}${url.search}`, baseUrl(context.config, req))
        person = await accounts.relyingParty.verify(callbackUrl, pending)
      } catch (error) {
        context.log.warn(refusal(error), 'sign-in refused')
        res.setHeader('Set-Cookie', clearSignIn)
        return sendSignInProblem(res, 400, 'failed', language)
      }
      const problem = accounts.admissionProblem(person)
      if (problem) {
        context.log.warn({ reason: problem }, 'sign-in refused')
        res.setHeader('Set-Cookie', clearSignIn)
        return sendSignInProblem(res, 403, problem, language)
      }
      const { account, cookie } = await accounts.startSession(
        person,
        readCookie(req, SESSION_COOKIE),
      )
      context.log.info({ account: account.id }, 'signed in')
      res.writeHead(302, {
        Location: pending.returnTo,
        'Set-Cookie': [
          clearSignIn,
          cookieHeader(SESSION_COOKIE, cookie, {
            maxAgeSeconds: accounts.sessionSeconds,
            secure: isSecure,
          }),
        ],
        'Cache-Control': 'no-store',
      })
      res.end()
    },
  },
  {
    method: 'POST',
    pattern: /^\/auth\/logout$/,
    async handle({ req, res, context }) {
      const accounts = enabled(context)
      if ((await accounts.personOf(req)).kind === 'crossSite') {
        throw new HttpError(403, 'cross_site', 'a request from another site may not sign you out')
      }
      await accounts.endSession(req)
      res.writeHead(204, {
        'Set-Cookie': clearedCookie(SESSION_COOKIE, secure(context, req)),
        'Cache-Control': 'no-store',
      })
      res.end()
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/me\/scopes$/,
    async handle({ req, res, context }) {
      const account = await signedIn(context, req)
      const accounts = context.accounts!
      const base = baseUrl(context.config, req)
      const scopes: MyScope[] = []
      for (const scope of await accounts.store.scopesOf(account.id)) {
        const token = await accounts.facilitatorToken(scope.scopeId)
        const tokens = token && revealTokens(await context.storage.tokensOf(scope.scopeId), token)
        const linksOf = scope.scopeKind === 'workshop' ? workshopLinks : boardLinks
        scopes.push({
          kind: scope.scopeKind,
          id: scope.scopeId,
          title: scope.title,
          createdAt: scope.createdAt,
          relation: scope.kind,
          links: tokens ? linksOf(base, scope.scopeId, tokens) : null,
        })
      }
      sendJson(res, 200, scopes)
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/facilitators$`),
    async handle({ req, res, params, context }) {
      const accounts = enabled(context)
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      sendJson(res, 200, await facilitatorList(accounts, workshop.id))
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/facilitators$`),
    async handle({ req, res, params, context }) {
      const accounts = enabled(context)
      const { workshop, token } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = addBody.safeParse(await readJson(req, JSON_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      const found = await accounts.store.findAccounts(body.data.person, 2)
      if (found.length === 0) {
        throw new HttpError(
          404,
          'no_such_person',
          'nobody of that e-mail or name has signed in here yet; ask them to sign in once',
        )
      }
      if (found.length > 1) {
        throw new HttpError(409, 'ambiguous', 'more than one person matches; use their e-mail')
      }
      // A workshop made without sign-in gets its facilitator link kept from now on.
      if (token && !(await accounts.facilitatorToken(workshop.id))) {
        await accounts.rememberFacilitatorToken(workshop.id, token)
      }
      await accounts.store.addFacilitator({
        scopeId: workshop.id,
        accountId: found[0]!.id,
        kind: 'cofacilitator',
        addedAt: Date.now(),
      })
      context.log.info({ workshop: workshop.id, account: found[0]!.id }, 'co-facilitator added')
      sendJson(res, 201, await facilitatorList(accounts, workshop.id))
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/api/workshops/${ID}/facilitators/${ID}$`),
    async handle({ req, res, params, context }) {
      const accounts = enabled(context)
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      await accounts.store.removeFacilitator(workshop.id, params[1]!)
      context.log.info({ workshop: workshop.id, account: params[1] }, 'co-facilitator removed')
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end()
    },
  },
]

/** The failed check (state, nonce, audience …) or the provider's error code; never a token. */
function refusal(error: unknown) {
  const reason = error instanceof Error ? error.message : String(error)
  const code = (error as { error?: unknown }).error
  const description = (error as { error_description?: unknown }).error_description
  return {
    reason,
    ...(typeof code === 'string' ? { providerError: code } : {}),
    ...(typeof description === 'string' ? { providerDescription: description } : {}),
  }
}

async function facilitatorList(accounts: Accounts, scopeId: string): Promise<Facilitator[]> {
  return (await accounts.store.facilitatorsOf(scopeId)).map((f) => ({
    accountId: f.accountId,
    name: f.name,
    email: f.email,
    relation: f.kind,
  }))
}
