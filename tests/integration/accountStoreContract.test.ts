import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AccountStore } from '../../server/accounts/AccountStore'
import { PostgresAccountStore } from '../../server/accounts/PostgresAccountStore'
import { SqliteAccountStore } from '../../server/accounts/SqliteAccountStore'
import { SqliteStorage } from '../../server/storage/SqliteStorage'
import type { Storage } from '../../server/storage/Storage'
import { PostgresStorage } from '../../server/storage/postgres/PostgresStorage'
import { createPostgresPool } from '../../server/storage/postgres/postgresPool'
import {
  postgresAvailable,
  reportPostgresSkip,
  startPostgres,
  type PostgresServer,
} from '../support/postgresServer'
import { boardRecord, bytes, freshId, newBoard, workshopRecord } from '../support/storageRecords'

/** An account store, with the board storage whose workshops and boards scopesOf lists. */
interface StoresUnderTest {
  accounts: AccountStore
  storage: Storage
  close(): Promise<void>
}

const sessionHash = (name: string) => createHash('sha256').update(name).digest()

/** What every AccountStore must do, the same for SQLite and PostgreSQL. */
function describeAccountStoreContract(name: string, makeStores: () => Promise<StoresUnderTest>) {
  describe(`AccountStore contract: ${name}`, () => {
    let stores: StoresUnderTest
    let accounts: AccountStore

    beforeEach(async () => {
      stores = await makeStores()
      accounts = stores.accounts
    })
    afterEach(async () => {
      await stores.close()
    })

    const signIn = (subject: string, name: string, email: string | null, at = 1_000) =>
      accounts.upsertAccount(
        { issuer: 'https://idp.example', subject, name, email, lastSignInAt: at },
        freshId('account'),
      )

    it('creates an account on first sign-in and updates it on later ones', async () => {
      const first = await signIn('sub-1', 'Anna Andersson', 'anna@kommun.se', 1_000)
      expect(first).toEqual({
        id: first.id,
        issuer: 'https://idp.example',
        subject: 'sub-1',
        name: 'Anna Andersson',
        email: 'anna@kommun.se',
        createdAt: 1_000,
        lastSignInAt: 1_000,
      })
      const again = await signIn('sub-1', 'Anna Berg', null, 2_000)
      expect(again).toEqual({ ...first, name: 'Anna Berg', email: null, lastSignInAt: 2_000 })
      expect(await accounts.getAccount(first.id)).toEqual(again)
      expect(await accounts.getAccount('no-such-account')).toBeUndefined()
    })

    it('finds accounts by e-mail or part of the name, ignoring case, sorted by name', async () => {
      const anna = await signIn('a', 'Anna Andersson', 'Anna@Kommun.se')
      const bertil = await signIn('b', 'Bertil Annasson', 'bertil@kommun.se')
      const cecilia = await signIn('c', 'Cecilia', 'cecilia@kommun.se')
      expect(await accounts.findAccounts('anna@kommun.SE', 10)).toEqual([anna])
      expect(await accounts.findAccounts('ANNA', 10)).toEqual([anna, bertil])
      expect(await accounts.findAccounts('anna', 1)).toEqual([anna])
      expect(await accounts.findAccounts('%', 10)).toEqual([])
      // An empty query lists everyone (how `npm run accounts -- list` lists accounts).
      expect(await accounts.findAccounts('', 10)).toEqual([anna, bertil, cecilia])
      expect(await accounts.findAccounts('kommun.se', 10)).toEqual([])
    })

    it('returns a session until it expires and deletes it or the expired ones', async () => {
      const account = await signIn('s', 'Sara', null)
      const live = {
        idHash: sessionHash('live'),
        accountId: account.id,
        createdAt: 10,
        expiresAt: 100,
      }
      const old = {
        idHash: sessionHash('old'),
        accountId: account.id,
        createdAt: 10,
        expiresAt: 50,
      }
      await accounts.createSession(live)
      await accounts.createSession(old)
      const plain = (s: { idHash: Buffer } | undefined) =>
        s && { ...s, idHash: s.idHash.toString('hex') }
      expect(plain(await accounts.findSession(live.idHash, 99))).toEqual(plain(live))
      expect(await accounts.findSession(live.idHash, 100)).toBeUndefined()
      await accounts.deleteExpiredSessions(50)
      expect(await accounts.findSession(old.idHash, 0)).toBeUndefined()
      expect(plain(await accounts.findSession(live.idHash, 0))).toEqual(plain(live))
      await accounts.deleteSession(live.idHash)
      expect(await accounts.findSession(live.idHash, 0)).toBeUndefined()
    })

    it('adds, lists and removes facilitators; adding twice keeps the first', async () => {
      const anna = await signIn('a', 'Anna', 'anna@kommun.se')
      const bo = await signIn('b', 'Bo', null)
      const scopeId = freshId('workshop')
      await accounts.addFacilitator({
        scopeId,
        accountId: bo.id,
        kind: 'cofacilitator',
        addedAt: 20,
      })
      await accounts.addFacilitator({ scopeId, accountId: anna.id, kind: 'owner', addedAt: 10 })
      await accounts.addFacilitator({
        scopeId,
        accountId: anna.id,
        kind: 'cofacilitator',
        addedAt: 30,
      })
      expect(await accounts.facilitatorsOf(scopeId)).toEqual([
        {
          scopeId,
          accountId: anna.id,
          kind: 'owner',
          addedAt: 10,
          name: 'Anna',
          email: 'anna@kommun.se',
        },
        { scopeId, accountId: bo.id, kind: 'cofacilitator', addedAt: 20, name: 'Bo', email: null },
      ])
      expect(await accounts.isFacilitator(scopeId, bo.id)).toBe(true)
      await accounts.removeFacilitator(scopeId, bo.id)
      expect(await accounts.isFacilitator(scopeId, bo.id)).toBe(false)
      expect(await accounts.facilitatorsOf(scopeId)).toHaveLength(1)
    })

    it('lists the workshops and standalone boards someone facilitates, newest first', async () => {
      const anna = await signIn('a', 'Anna', null)
      const workshop = workshopRecord({ title: 'Workshop', createdAt: 2_000 })
      await stores.storage.createWorkshop(workshop, [newBoard('plenary')], [])
      const board = boardRecord({ title: 'Board', createdAt: 3_000 })
      await stores.storage.createBoard(board, bytes(0))
      await accounts.addFacilitator({
        scopeId: workshop.id,
        accountId: anna.id,
        kind: 'owner',
        addedAt: 5,
      })
      await accounts.addFacilitator({
        scopeId: board.id,
        accountId: anna.id,
        kind: 'cofacilitator',
        addedAt: 6,
      })
      // A scope that was erased is not listed.
      await accounts.addFacilitator({
        scopeId: 'erased-scope',
        accountId: anna.id,
        kind: 'owner',
        addedAt: 7,
      })
      expect(await accounts.scopesOf(anna.id)).toEqual([
        {
          scopeId: board.id,
          accountId: anna.id,
          kind: 'cofacilitator',
          addedAt: 6,
          title: 'Board',
          scopeKind: 'board',
          createdAt: 3_000,
        },
        {
          scopeId: workshop.id,
          accountId: anna.id,
          kind: 'owner',
          addedAt: 5,
          title: 'Workshop',
          scopeKind: 'workshop',
          createdAt: 2_000,
        },
      ])
    })

    it('hands scopes over, keeping the role the receiver already has', async () => {
      const from = await signIn('f', 'From', null)
      const to = await signIn('t', 'To', null)
      const [kept, given] = [freshId('scope'), freshId('scope')]
      await accounts.addFacilitator({
        scopeId: kept,
        accountId: from.id,
        kind: 'owner',
        addedAt: 1,
      })
      await accounts.addFacilitator({
        scopeId: kept,
        accountId: to.id,
        kind: 'cofacilitator',
        addedAt: 2,
      })
      await accounts.addFacilitator({
        scopeId: given,
        accountId: from.id,
        kind: 'owner',
        addedAt: 3,
      })
      const before = Date.now()
      await accounts.handOverScopes(from.id, to.id)
      const roleOf = async (scopeId: string) =>
        (await accounts.facilitatorsOf(scopeId)).find((f) => f.accountId === to.id)
      expect((await roleOf(kept))?.kind).toBe('cofacilitator')
      const handedOver = await roleOf(given)
      expect(handedOver?.kind).toBe('owner')
      expect(handedOver?.addedAt).toBeGreaterThanOrEqual(before)
      expect(await accounts.isFacilitator(given, from.id)).toBe(true)
    })

    it('keeps a sealed facilitator token per scope and forgets a scope entirely', async () => {
      const anna = await signIn('a', 'Anna', null)
      const [forgotten, kept] = [freshId('scope'), freshId('scope')]
      await accounts.setSealedFacilitatorToken(forgotten, Buffer.from('one'))
      await accounts.setSealedFacilitatorToken(forgotten, Buffer.from('two'))
      await accounts.setSealedFacilitatorToken(kept, Buffer.from('kept'))
      expect((await accounts.sealedFacilitatorToken(forgotten))?.toString()).toBe('two')
      expect(await accounts.sealedFacilitatorToken('no-such-scope')).toBeUndefined()
      for (const scopeId of [forgotten, kept]) {
        await accounts.addFacilitator({ scopeId, accountId: anna.id, kind: 'owner', addedAt: 1 })
      }
      await accounts.forgetScope(forgotten)
      expect(await accounts.sealedFacilitatorToken(forgotten)).toBeUndefined()
      expect(await accounts.facilitatorsOf(forgotten)).toEqual([])
      expect((await accounts.sealedFacilitatorToken(kept))?.toString()).toBe('kept')
      expect(await accounts.isFacilitator(kept, anna.id)).toBe(true)
    })

    it('deletes an account with its sessions and facilitator roles', async () => {
      const gone = await signIn('g', 'Gone', null)
      const stays = await signIn('s', 'Stays', null)
      const scopeId = freshId('scope')
      await accounts.addFacilitator({ scopeId, accountId: gone.id, kind: 'owner', addedAt: 1 })
      await accounts.addFacilitator({
        scopeId,
        accountId: stays.id,
        kind: 'cofacilitator',
        addedAt: 2,
      })
      const session = {
        idHash: sessionHash(gone.id),
        accountId: gone.id,
        createdAt: 1,
        expiresAt: 10,
      }
      await accounts.createSession(session)
      await accounts.deleteAccount(gone.id)
      expect(await accounts.getAccount(gone.id)).toBeUndefined()
      expect(await accounts.findSession(session.idHash, 0)).toBeUndefined()
      expect((await accounts.facilitatorsOf(scopeId)).map((f) => f.accountId)).toEqual([stays.id])
      expect(await accounts.getAccount(stays.id)).toEqual(stays)
    })
  })
}

describeAccountStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-accounts-'))
  const storage = new SqliteStorage(dir)
  const accounts = new SqliteAccountStore(dir)
  return {
    accounts,
    storage,
    async close() {
      await accounts.close()
      await storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})

reportPostgresSkip('accountStoreContract')

describe.skipIf(!postgresAvailable())('PostgreSQL', () => {
  let server: PostgresServer
  let databases = 0
  beforeAll(async () => {
    server = await startPostgres()
  })
  afterAll(async () => {
    await server?.stop()
  })

  // Both stores on one pool, as a server node would run them.
  describeAccountStoreContract('PostgreSQL', async () => {
    const pool = createPostgresPool(await server.createDatabase(`accounts_${++databases}`))
    const accounts = await PostgresAccountStore.open(pool)
    const storage = new PostgresStorage(pool)
    return {
      accounts,
      storage,
      async close() {
        await accounts.close()
        await storage.close()
        await pool.end()
      },
    }
  })
})
