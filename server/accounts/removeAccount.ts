import type { Storage } from '../storage/Storage'
import type { Account, AccountStore } from './AccountStore'

export type RemovalPlan = { handTo: Account } | { eraseWorkshops: true }

export interface RemovalResult {
  handedOver: number
  erasedWorkshops: string[]
  /** Workshops and boards that others still facilitate, left in place. */
  kept: number
}

/** The one account whose id or e-mail is `who`; throws a message for the operator otherwise. */
export async function findAccount(store: AccountStore, who: string): Promise<Account> {
  const byId = await store.getAccount(who)
  if (byId) return byId
  const matches = (await store.findAccounts(who, 5)).filter(
    (a) => a.email?.toLowerCase() === who.toLowerCase(),
  )
  if (matches.length === 1) return matches[0]!
  throw new Error(matches.length === 0 ? `no account ${who}` : `more than one account has ${who}`)
}

/**
 * Removes a person (GDPR): their account, sessions and facilitator roles. What they facilitate
 * is handed to another facilitator, or their workshops that nobody else facilitates are erased
 * with everything in them. Run `eraseWorkshops` with the server stopped: a running server
 * holds loaded boards in memory.
 */
export async function removeAccount(
  store: AccountStore,
  storage: Storage,
  account: Account,
  plan: RemovalPlan,
): Promise<RemovalResult> {
  const scopes = await store.scopesOf(account.id)
  const result: RemovalResult = { handedOver: 0, erasedWorkshops: [], kept: 0 }
  if ('handTo' in plan) {
    await store.handOverScopes(account.id, plan.handTo.id)
    result.handedOver = scopes.length
  } else {
    for (const scope of scopes) {
      const others = (await store.facilitatorsOf(scope.scopeId)).filter(
        (f) => f.accountId !== account.id,
      )
      if (scope.scopeKind === 'workshop' && others.length === 0) {
        await storage.deleteWorkshop(scope.scopeId)
        await store.forgetScope(scope.scopeId)
        result.erasedWorkshops.push(scope.scopeId)
      } else result.kept++
    }
    await storage.checkpoint()
  }
  await store.deleteAccount(account.id)
  return result
}
