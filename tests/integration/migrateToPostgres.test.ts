import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountStore } from '../../server/accounts/AccountStore'
import { PostgresAccountStore } from '../../server/accounts/PostgresAccountStore'
import { SqliteAccountStore } from '../../server/accounts/SqliteAccountStore'
import { SqliteStorage } from '../../server/storage/SqliteStorage'
import type { Storage } from '../../server/storage/Storage'
import { PostgresStorage } from '../../server/storage/postgres/PostgresStorage'
import {
  postgresAvailable,
  reportPostgresSkip,
  startPostgres,
  type PostgresServer,
} from '../support/postgresServer'
import {
  boardRecord,
  bytes,
  freshId,
  newBoard,
  participantRecord,
  templateRecord,
  tokenRecord,
  workshopRecord,
} from '../support/storageRecords'

const run = promisify(execFile)

/** Bytes as hex, recursively, so values read from either engine compare with toEqual. */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex')
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, plain(field)]))
  }
  return value
}

/** Runs the tool as an operator would, and returns its exit code and output. */
async function migrate(dataDir: string, databaseUrl: string) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'server/tools/migrateToPostgres.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** A SQLite data dir with a bit of everything, as a server would have left it. */
async function fillSqlite(storage: Storage, accounts: AccountStore) {
  const workshop = workshopRecord({ allowGroupChoice: true })
  const group = newBoard('group')
  const plenary = newBoard('plenary')
  await storage.createWorkshop(
    workshop,
    [group, plenary],
    [tokenRecord(workshop.id, 'facilitator'), tokenRecord(workshop.id, 'participant')],
  )
  await storage.extendWorkshop(workshop.id, [newBoard('recorder')], [])
  await storage.setBoardOpen(plenary.board.id, true)
  const compactedUpTo = await storage.appendUpdates(group.board.id, [bytes(4), bytes(5)])
  await storage.compact(group.board.id, bytes(9, 9, 9), compactedUpTo)
  await storage.appendUpdates(group.board.id, [bytes(6)])
  await storage.appendUpdates(plenary.board.id, [bytes(7)])
  const participant = participantRecord(workshop.id, { boardId: group.board.id })
  await storage.addParticipant(participant)
  await storage.addParticipant(participantRecord(workshop.id, { municipality: null }))
  await storage.saveTemplate(templateRecord({ workshopId: workshop.id, shared: false }))
  await storage.saveTemplate(templateRecord({ createdAt: 5 }))
  for (const name of ['first', 'second']) {
    await storage.saveVersion({
      id: freshId('version'),
      boardId: group.board.id,
      name,
      auto: name === 'first',
      records: '[]',
      createdAt: 10,
    })
  }
  const assetId = freshId('asset')
  await storage.saveAsset({
    id: assetId,
    boardId: group.board.id,
    type: 'image/png',
    data: Buffer.from([1, 2]),
    createdAt: 3,
  })
  const slug = freshId('slug')
  await storage.savePublication({
    workshopId: workshop.id,
    slug,
    version: 2,
    report: '{}',
    note: null,
    publishedAt: 4,
  })
  await storage.writeWorkshopDay(workshop.id, '{"step":3}')
  await storage.setBallot(workshop.id, {
    voteId: 'vote',
    participantId: participant.id,
    itemId: 'item',
    boardId: group.board.id,
    votes: 2,
    polarity: 'hindering',
  })
  // Not the workshop's createdAt: scopesOf leaves the order of equal times to the engine.
  const standalone = boardRecord({ createdAt: 1_700_000_000_700 })
  await storage.createBoard(standalone, bytes(8), [tokenRecord(standalone.id, 'facilitator')])
  // More rows than one INSERT of the tool carries, so the copy goes in several.
  const many = Array.from({ length: 450 }, (_, index) =>
    bytes(index % 256, Math.floor(index / 256)),
  )
  await storage.appendUpdates(standalone.id, many)

  const account = await accounts.upsertAccount(
    {
      issuer: 'https://idp.example',
      subject: 'sub',
      name: 'Anna',
      email: 'anna@kommun.se',
      lastSignInAt: 100,
    },
    freshId('account'),
  )
  await accounts.createSession({
    idHash: Buffer.from('session'),
    accountId: account.id,
    createdAt: 1,
    expiresAt: 2_000,
  })
  await accounts.addFacilitator({
    scopeId: workshop.id,
    accountId: account.id,
    kind: 'owner',
    addedAt: 6,
  })
  await accounts.addFacilitator({
    scopeId: standalone.id,
    accountId: account.id,
    kind: 'cofacilitator',
    addedAt: 7,
  })
  await accounts.setSealedFacilitatorToken(workshop.id, Buffer.from('sealed'))
  return {
    workshop,
    boardIds: [...(await storage.workshopBoards(workshop.id)).map((b) => b.id), standalone.id],
    standalone,
    participant,
    assetId,
    slug,
    account,
  }
}

type Filled = Awaited<ReturnType<typeof fillSqlite>>

/** Everything the server could read of the filled data, through the interfaces. */
async function readAll(storage: Storage, accounts: AccountStore, filled: Filled) {
  const { workshop, boardIds, participant, assetId, slug, account } = filled
  const boards = []
  for (const id of boardIds) {
    boards.push({
      board: await storage.getBoard(id),
      doc: await storage.loadDoc(id),
      docVersion: await storage.docVersion(id),
      lastActivity: await storage.lastActivity(id),
      place: await storage.boardPlace(id),
      versions: await storage.listVersions(id),
      tokens: await storage.tokensOf(id),
    })
  }
  return plain({
    boards,
    workshop: await storage.getWorkshop(workshop.id),
    workshopBoards: await storage.workshopBoards(workshop.id),
    tokens: await storage.tokensOf(workshop.id),
    participants: await storage.participants(workshop.id),
    templates: await storage.listTemplates(workshop.id),
    templateCount: await storage.countTemplates(),
    asset: await storage.getAsset(assetId),
    publication: await storage.publicationBySlug(slug),
    day: await storage.readWorkshopDay(workshop.id),
    ballots: await storage.ballotsOf('vote', participant.id),
    account: await accounts.getAccount(account.id),
    found: await accounts.findAccounts('ANNA', 10),
    session: await accounts.findSession(Buffer.from('session'), 0),
    facilitators: await accounts.facilitatorsOf(workshop.id),
    scopes: await accounts.scopesOf(account.id),
    sealed: await accounts.sealedFacilitatorToken(workshop.id),
  })
}

reportPostgresSkip('migrateToPostgres')

describe.skipIf(!postgresAvailable())('npm run migrate-to-postgres', () => {
  let server: PostgresServer
  let dataDir: string
  beforeAll(async () => {
    server = await startPostgres()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-migrate-'))
  })
  afterAll(async () => {
    await server?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('copies every table, so PostgreSQL reads the same as SQLite, and refuses a second run', async () => {
    const sqliteStorage = new SqliteStorage(dataDir)
    const sqliteAccounts = new SqliteAccountStore(dataDir)
    const filled = await fillSqlite(sqliteStorage, sqliteAccounts)
    const expected = await readAll(sqliteStorage, sqliteAccounts, filled)
    await sqliteAccounts.close()
    await sqliteStorage.close()

    const url = await server.createDatabase('migrated')
    const result = await migrate(dataDir, url)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^boards\s+4$/m)
    expect(result.stdout).toMatch(/^updates\s+455$/m)
    expect(result.stdout).toMatch(/^snapshots\s+1$/m)
    expect(result.stdout).toMatch(/^accounts\s+1$/m)

    const storage = await PostgresStorage.open(url)
    const accounts = await PostgresAccountStore.open(url)
    try {
      expect(await readAll(storage, accounts, filled)).toEqual(expected)
      // Numbering goes on after the copied updates.
      const [groupId] = filled.boardIds
      const before = (await storage.loadDoc(groupId!)).lastSeq
      expect(await storage.appendUpdates(groupId!, [bytes(10)])).toBe(before + 1)

      const again = await migrate(dataDir, url)
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(/Refused: The PostgreSQL database already holds 4 boards/)
      expect((await storage.participants(filled.workshop.id)).length).toBe(2)
    } finally {
      await accounts.close()
      await storage.close()
    }
  })

  it('refuses a SQLite file an older release wrote, and copies nothing', async () => {
    const oldDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-old-'))
    try {
      const old = new Database(path.join(oldDir, 'samskapa.db'))
      old.exec(
        'CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT, template TEXT, created_at INTEGER)',
      )
      old.close()
      const url = await server.createDatabase('from_old_release')
      const result = await migrate(oldDir, url)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/Refused: Table boards of the SQLite file lacks updated_at/)
      const storage = await PostgresStorage.open(url)
      expect(await storage.getBoard('anything')).toBeUndefined()
      await storage.close()
    } finally {
      fs.rmSync(oldDir, { recursive: true, force: true })
    }
  })

  it('says plainly what is missing when DATABASE_URL is not set', async () => {
    const result = await migrate(dataDir, '')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Set DATABASE_URL/)
  })
})
