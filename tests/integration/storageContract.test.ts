import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SqliteStorage } from '../../server/storage/SqliteStorage'
import { PostgresStorage } from '../../server/storage/postgres/PostgresStorage'
import { AppendConflict } from '../../server/storage/postgres/UpdateGroupCommit'
import { KEPT_EPOCH_BASES, StorageError, type Storage } from '../../server/storage/Storage'
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
  hex,
  newBoard,
  participantRecord,
  templateRecord,
  tokenRecord,
  workshopRecord,
} from '../support/storageRecords'
import { before, counted, increment, Occupancy } from '../support/sections'

/** A storage under test, and how many transactions its appends took (where it can tell). */
interface StorageUnderTest {
  storage: Storage
  commits?: () => number
}

/**
 * What every Storage must do, the same for SQLite and PostgreSQL: the server code above it
 * must not be able to tell which one it runs on. Sequence numbers are compared only by
 * order, since SQLite numbers updates across all boards and PostgreSQL per board.
 */
function describeStorageContract(name: string, makeStorage: () => Promise<StorageUnderTest>) {
  describe(`Storage contract: ${name}`, () => {
    let subject: StorageUnderTest
    let storage: Storage

    beforeEach(async () => {
      subject = await makeStorage()
      storage = subject.storage
    })
    afterEach(async () => {
      await storage.close()
    })

    it('creates a board and reads it back; an unknown board is undefined', async () => {
      const board = boardRecord()
      const facilitator = tokenRecord(board.id, 'facilitator')
      await storage.createBoard(board, bytes(1), [facilitator])
      expect(await storage.getBoard(board.id)).toEqual(board)
      expect(await storage.getBoard('no-such-board')).toBeUndefined()
      const tokens = await storage.tokensOf(board.id)
      expect(tokens.map((token) => ({ ...token, hash: hex(token.hash) }))).toEqual([
        { ...facilitator, hash: hex(facilitator.hash) },
      ])
    })

    it('loads the first update, then a snapshot with the updates after it', async () => {
      const board = boardRecord()
      await storage.createBoard(board, bytes(1, 1))
      const first = await storage.loadDoc(board.id)
      expect(first.snapshot).toBeUndefined()
      expect(first.updates.map(hex)).toEqual([hex(bytes(1, 1))])
      expect(first.updates[0]).toBeInstanceOf(Uint8Array)

      const second = await storage.appendUpdates(board.id, [bytes(2)])
      await storage.compact(board.id, bytes(9, 9), second)
      const third = await storage.appendUpdates(board.id, [bytes(3), bytes(4)])
      const doc = await storage.loadDoc(board.id)
      expect(hex(doc.snapshot)).toBe(hex(bytes(9, 9)))
      expect(doc.updates.map(hex)).toEqual([hex(bytes(3)), hex(bytes(4))])
      expect(doc.lastSeq).toBe(third)
      expect(first.lastSeq).toBeLessThan(second)
    })

    it('numbers appended updates in order and returns the last seq of each append', async () => {
      const board = boardRecord()
      await storage.createBoard(board, bytes(0))
      const { lastSeq: initial } = await storage.loadDoc(board.id)
      const a = await storage.appendUpdates(board.id, [bytes(1)])
      const b = await storage.appendUpdates(board.id, [bytes(2), bytes(3), bytes(4)])
      const c = await storage.appendUpdates(board.id, [bytes(5)])
      expect(initial).toBeLessThan(a)
      expect(b).toBe(a + 3)
      expect(c).toBeGreaterThan(b)
      const doc = await storage.loadDoc(board.id)
      expect(doc.lastSeq).toBe(c)
      expect(doc.updates.map(hex)).toEqual([0, 1, 2, 3, 4, 5].map((value) => hex(bytes(value))))
    })

    it('stores 200 appends to 20 boards issued at once, each board in call order', async () => {
      const boards = Array.from({ length: 20 }, () => boardRecord())
      for (const board of boards) await storage.createBoard(board, bytes(0))
      const commitsBefore = subject.commits?.()
      const calls = Array.from({ length: 200 }, (_, index) => {
        const board = boards[index % boards.length]!
        return { board, round: Math.floor(index / boards.length) }
      })
      const seqs = await Promise.all(
        calls.map(({ board, round }) => storage.appendUpdates(board.id, [bytes(round + 1)])),
      )
      for (const board of boards) {
        const own = seqs.filter((_, index) => calls[index]!.board === board)
        expect(own).toEqual([...own].sort((x, y) => x - y))
        expect(new Set(own).size).toBe(10)
        const doc = await storage.loadDoc(board.id)
        expect(doc.updates.map(hex)).toEqual(
          [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((value) => hex(bytes(value))),
        )
        expect(doc.lastSeq).toBe(own.at(-1))
      }
      if (subject.commits && commitsBefore !== undefined) {
        // Group commit: the appends share a few transactions instead of taking one each.
        const commits = subject.commits() - commitsBefore
        console.log(`${name}: 200 appends took ${commits} commit(s)`)
        expect(commits).toBeGreaterThan(0)
        expect(commits).toBeLessThanOrEqual(20)
      }
    })

    it('stores a rebuilt doc with the base of its epoch, keeps the newest bases, and gives up if an update came in after', async () => {
      const board = boardRecord()
      await storage.createBoard(board, bytes(1))
      const seq = await storage.appendUpdates(board.id, [bytes(2)])
      const rebuilt = (epoch: number, uptoSeq: number) => ({
        snapshot: bytes(50 + epoch),
        uptoSeq,
        baseEpoch: epoch,
        base: bytes(90 + epoch),
        baseClocks: bytes(70 + epoch),
      })
      expect(await storage.rebuildDoc(board.id, rebuilt(0, seq))).toBe(true)
      const doc = await storage.loadDoc(board.id)
      expect(hex(doc.snapshot)).toBe(hex(bytes(50)))
      expect(doc.updates).toEqual([])
      expect(hex(await storage.epochBase(board.id, 0))).toBe(hex(bytes(90)))
      expect(await storage.epochBase(board.id, 1)).toBeUndefined()

      // An update stored after the rebuilt doc was made: the rebuild is given up, nothing changes.
      const later = await storage.appendUpdates(board.id, [bytes(3)])
      expect(await storage.rebuildDoc(board.id, rebuilt(1, seq))).toBe(false)
      expect(hex((await storage.loadDoc(board.id)).snapshot)).toBe(hex(bytes(50)))
      expect(await storage.epochBase(board.id, 1)).toBeUndefined()

      for (let epoch = 1; epoch <= KEPT_EPOCH_BASES + 1; epoch++) {
        expect(await storage.rebuildDoc(board.id, rebuilt(epoch, later))).toBe(true)
      }
      expect(await storage.epochBase(board.id, 0)).toBeUndefined()
      expect(await storage.epochBase(board.id, 1)).toBeUndefined()
      expect(hex(await storage.epochBase(board.id, KEPT_EPOCH_BASES + 1))).toBe(
        hex(bytes(91 + KEPT_EPOCH_BASES)),
      )
      expect(await storage.docVersion(board.id)).toBe(later)
      const clocks = (await storage.epochClocks(board.id)).map(hex).sort()
      const kept = Array.from({ length: KEPT_EPOCH_BASES }, (_, i) => hex(bytes(72 + i)))
      expect(clocks).toEqual(kept.sort())
    })

    it('keeps docVersion across compaction and grows it with every append', async () => {
      const board = boardRecord()
      await storage.createBoard(board, bytes(0))
      const v0 = await storage.docVersion(board.id)
      const seq = await storage.appendUpdates(board.id, [bytes(1)])
      const v1 = await storage.docVersion(board.id)
      expect(v1).toBeGreaterThan(v0)
      await storage.compact(board.id, bytes(7), seq)
      expect(await storage.docVersion(board.id)).toBe(v1)
      expect((await storage.loadDoc(board.id)).updates).toEqual([])
      await storage.appendUpdates(board.id, [bytes(2)])
      expect(await storage.docVersion(board.id)).toBeGreaterThan(v1)
      expect(await storage.docVersion('no-such-board')).toBe(0)
    })

    it('takes lastActivity from the time of the newest append', async () => {
      const board = boardRecord()
      await storage.createBoard(board, bytes(0))
      expect(await storage.lastActivity(board.id)).toBeNull()
      const before = Date.now()
      await storage.appendUpdates(board.id, [bytes(1)])
      const at = await storage.lastActivity(board.id)
      expect(at).toBeGreaterThanOrEqual(before)
      expect(at).toBeLessThanOrEqual(Date.now())
      expect(await storage.lastActivity('no-such-board')).toBeNull()
    })

    it('creates a workshop with boards in order, and updates its title and group choice', async () => {
      const workshop = workshopRecord()
      const boards = [newBoard('group', 'A'), newBoard('group', 'B'), newBoard('plenary')]
      const tokens = [
        tokenRecord(workshop.id, 'participant'),
        tokenRecord(workshop.id, 'facilitator'),
      ]
      await storage.createWorkshop(workshop, boards, tokens)
      expect(await storage.getWorkshop(workshop.id)).toEqual(workshop)
      expect(await storage.workshopBoards(workshop.id)).toEqual(
        boards.map((entry, position) => ({ ...entry.board, kind: entry.kind, position })),
      )
      expect(await storage.workshopOfBoard(boards[2]!.board.id)).toBe(workshop.id)
      expect(await storage.workshopOfBoard('no-such-board')).toBeUndefined()
      // Ordered by role.
      expect((await storage.tokensOf(workshop.id)).map((token) => token.role)).toEqual([
        'facilitator',
        'participant',
      ])
      expect((await storage.loadDoc(boards[0]!.board.id)).updates.map(hex)).toEqual([
        hex(bytes(1, 2, 3)),
      ])

      await storage.updateWorkshop(workshop.id, { title: 'Renamed' })
      await storage.updateWorkshop(workshop.id, { allowGroupChoice: true })
      expect(await storage.getWorkshop(workshop.id)).toEqual({
        ...workshop,
        title: 'Renamed',
        allowGroupChoice: true,
      })
      expect(await storage.getWorkshop('no-such-workshop')).toBeUndefined()
    })

    it('tells a board’s place and opens and closes it', async () => {
      const workshop = workshopRecord()
      const plenary = newBoard('plenary')
      await storage.createWorkshop(workshop, [newBoard('group'), plenary], [])
      const standalone = boardRecord()
      await storage.createBoard(standalone, bytes(0))
      const place = { workshopId: workshop.id, kind: 'plenary', openToAll: false }
      expect(await storage.boardPlace(plenary.board.id)).toEqual(place)
      await storage.setBoardOpen(plenary.board.id, true)
      expect(await storage.boardPlace(plenary.board.id)).toEqual({ ...place, openToAll: true })
      await storage.setBoardOpen(plenary.board.id, false)
      expect(await storage.boardPlace(plenary.board.id)).toEqual(place)
      expect(await storage.boardPlace(standalone.id)).toBeUndefined()
    })

    it('extends a workshop with boards after its others, and their tokens', async () => {
      const workshop = workshopRecord()
      await storage.createWorkshop(workshop, [newBoard('group'), newBoard('plenary')], [])
      const recorder = newBoard('recorder')
      const recorderToken = tokenRecord(workshop.id, 'recorder')
      await storage.extendWorkshop(workshop.id, [recorder], [recorderToken])
      const boards = await storage.workshopBoards(workshop.id)
      expect(boards.map((board) => [board.kind, board.position])).toEqual([
        ['group', 0],
        ['plenary', 1],
        ['recorder', 2],
      ])
      expect(boards[2]).toEqual({ ...recorder.board, kind: 'recorder', position: 2 })
      expect((await storage.tokensOf(workshop.id)).map((token) => token.id)).toEqual([
        recorderToken.id,
      ])
      const seq = await storage.appendUpdates(recorder.board.id, [bytes(5)])
      expect((await storage.loadDoc(recorder.board.id)).lastSeq).toBe(seq)
    })

    it('adds, finds, lists and assigns participants', async () => {
      const workshop = workshopRecord()
      const group = newBoard('group')
      await storage.createWorkshop(workshop, [group], [])
      const later = participantRecord(workshop.id, { name: 'Bo', createdAt: 1_700_000_009_000 })
      const earlier = participantRecord(workshop.id, { name: 'Cia', municipality: null })
      await storage.addParticipant(later)
      await storage.addParticipant(earlier)
      const plain = (p: { keyHash: Buffer } | undefined) => p && { ...p, keyHash: hex(p.keyHash) }
      expect(plain(await storage.findParticipant(workshop.id, later.keyHash))).toEqual(plain(later))
      expect(await storage.findParticipant('other-workshop', later.keyHash)).toBeUndefined()
      expect(plain(await storage.getParticipant(workshop.id, earlier.id))).toEqual(plain(earlier))
      expect(await storage.getParticipant(workshop.id, 'nobody')).toBeUndefined()
      expect((await storage.participants(workshop.id)).map((p) => p.id)).toEqual([
        earlier.id,
        later.id,
      ])

      await storage.assignParticipants(workshop.id, {
        [earlier.id]: group.board.id,
        [later.id]: group.board.id,
      })
      await storage.assignParticipants(workshop.id, { [later.id]: null })
      await storage.assignParticipants('other-workshop', { [earlier.id]: null })
      const assigned = await storage.participants(workshop.id)
      expect(assigned.map((p) => [p.id, p.boardId])).toEqual([
        [earlier.id, group.board.id],
        [later.id, null],
      ])
    })

    it('erases a workshop with everything in it, keeping shared templates and other boards', async () => {
      const workshop = workshopRecord()
      const group = newBoard('group')
      const plenary = newBoard('plenary')
      await storage.createWorkshop(
        workshop,
        [group, plenary],
        [tokenRecord(workshop.id, 'facilitator')],
      )
      await storage.appendUpdates(group.board.id, [bytes(4)])
      await storage.compact(
        plenary.board.id,
        bytes(8),
        (await storage.loadDoc(plenary.board.id)).lastSeq,
      )
      const participant = participantRecord(workshop.id, { boardId: group.board.id })
      await storage.addParticipant(participant)
      const own = templateRecord({ workshopId: workshop.id, shared: false })
      const shared = templateRecord({ workshopId: workshop.id, shared: true })
      await storage.saveTemplate(own)
      await storage.saveTemplate(shared)
      const asset = {
        id: freshId('asset'),
        boardId: group.board.id,
        type: 'image/png',
        data: Buffer.from([1]),
        createdAt: 1,
      }
      await storage.saveAsset(asset)
      const version = {
        id: freshId('version'),
        boardId: group.board.id,
        name: 'v',
        auto: false,
        records: '[]',
        createdAt: 1,
      }
      await storage.saveVersion(version)
      await storage.writeWorkshopDay(workshop.id, '{"step":1}')
      await storage.savePublication({
        workshopId: workshop.id,
        slug: freshId('slug'),
        version: 1,
        report: '{}',
        note: null,
        publishedAt: 1,
      })
      await storage.setBallot(workshop.id, {
        voteId: 'vote',
        participantId: participant.id,
        itemId: 'item',
        boardId: group.board.id,
        votes: 2,
        polarity: null,
      })
      const standalone = boardRecord()
      await storage.createBoard(standalone, bytes(6), [tokenRecord(standalone.id, 'facilitator')])

      await storage.deleteWorkshop(workshop.id)

      expect(await storage.getWorkshop(workshop.id)).toBeUndefined()
      expect(await storage.workshopBoards(workshop.id)).toEqual([])
      for (const { board } of [group, plenary]) {
        expect(await storage.getBoard(board.id)).toBeUndefined()
        expect(await storage.boardPlace(board.id)).toBeUndefined()
        const doc = await storage.loadDoc(board.id)
        expect(doc.snapshot).toBeUndefined()
        expect(doc.updates).toEqual([])
      }
      expect(await storage.tokensOf(workshop.id)).toEqual([])
      expect(await storage.participants(workshop.id)).toEqual([])
      expect(await storage.findParticipant(workshop.id, participant.keyHash)).toBeUndefined()
      expect(await storage.getTemplate(own.id)).toBeUndefined()
      expect(await storage.getTemplate(shared.id)).toEqual({ ...shared, workshopId: null })
      expect(await storage.getAsset(asset.id)).toBeUndefined()
      expect(await storage.getVersion(group.board.id, version.id)).toBeUndefined()
      expect(await storage.readWorkshopDay(workshop.id)).toBeUndefined()
      expect(await storage.publicationOf(workshop.id)).toBeUndefined()
      expect(await storage.allBallots('vote')).toEqual([])
      expect(await storage.getBoard(standalone.id)).toEqual(standalone)
      expect(await storage.tokensOf(standalone.id)).toHaveLength(1)
      await expect(storage.appendUpdates(group.board.id, [bytes(1)])).rejects.toThrow()
    })

    it('lists, counts, updates and deletes templates', async () => {
      const workshop = workshopRecord()
      await storage.createWorkshop(workshop, [newBoard('group')], [])
      const countBefore = await storage.countTemplates()
      const sharedLater = templateRecord({ title: 'Later', createdAt: 3 })
      const own = templateRecord({ workshopId: workshop.id, shared: false, createdAt: 2 })
      const sharedEarly = templateRecord({ createdAt: 1 })
      for (const template of [sharedLater, own, sharedEarly]) await storage.saveTemplate(template)
      const summary = ({ records: _records, ...rest }: { records: string }) => rest
      expect(await storage.listTemplates()).toEqual([summary(sharedEarly), summary(sharedLater)])
      expect(await storage.listTemplates(workshop.id)).toEqual(
        [sharedEarly, own, sharedLater].map(summary),
      )
      expect(await storage.countTemplates()).toBe(countBefore + 3)
      expect(await storage.getTemplate(own.id)).toEqual(own)
      expect(await storage.getTemplate('no-such-template')).toBeUndefined()

      await storage.updateTemplate(own.id, { shared: true })
      await storage.updateTemplate(own.id, { title: 'Renamed' })
      expect(await storage.getTemplate(own.id)).toEqual({ ...own, shared: true, title: 'Renamed' })
      expect((await storage.listTemplates()).map((t) => t.id)).toContain(own.id)
      await storage.deleteTemplate(own.id)
      expect(await storage.getTemplate(own.id)).toBeUndefined()
      expect(await storage.countTemplates()).toBe(countBefore + 2)
    })

    it('lists versions newest first, gets one of its board, deletes some', async () => {
      const board = boardRecord()
      await storage.createBoard(board, bytes(0))
      const version = (name: string, createdAt: number, auto = false) => ({
        id: freshId('version'),
        boardId: board.id,
        name,
        auto,
        records: `[{"name":"${name}"}]`,
        createdAt,
      })
      const oldest = version('oldest', 100, true)
      const sameTimeFirst = version('first at 200', 200)
      const sameTimeSecond = version('second at 200', 200)
      for (const v of [oldest, sameTimeFirst, sameTimeSecond]) await storage.saveVersion(v)
      const summary = ({ records: _records, ...rest }: { records: string }) => rest
      expect(await storage.listVersions(board.id)).toEqual(
        [sameTimeSecond, sameTimeFirst, oldest].map(summary),
      )
      expect(await storage.getVersion(board.id, oldest.id)).toEqual(oldest)
      expect(await storage.getVersion('other-board', oldest.id)).toBeUndefined()
      await storage.deleteVersions([oldest.id, sameTimeSecond.id])
      expect((await storage.listVersions(board.id)).map((v) => v.id)).toEqual([sameTimeFirst.id])
      await storage.deleteVersions([])
    })

    it('upserts a publication and finds it by workshop and slug', async () => {
      const workshop = workshopRecord()
      await storage.createWorkshop(workshop, [newBoard('plenary')], [])
      const slug = freshId('slug')
      const published = {
        workshopId: workshop.id,
        slug,
        version: 1,
        report: '{"a":1}',
        note: 'Hej',
        publishedAt: 1_700_000_000_001,
      }
      await storage.savePublication(published)
      expect(await storage.publicationOf(workshop.id)).toEqual(published)
      const unpublished = {
        ...published,
        version: 2,
        report: null,
        note: null,
        publishedAt: 1_700_000_000_002,
      }
      await storage.savePublication(unpublished)
      expect(await storage.publicationBySlug(slug)).toEqual(unpublished)
      expect(await storage.publicationOf('no-such-workshop')).toBeUndefined()
      expect(await storage.publicationBySlug('no-such-slug')).toBeUndefined()
    })

    it('stores and reads assets', async () => {
      const board = boardRecord()
      await storage.createBoard(board, bytes(0))
      const asset = {
        id: freshId('asset'),
        boardId: board.id,
        type: 'image/webp',
        data: Buffer.from([0, 255, 7]),
        createdAt: 1_700_000_000_003,
      }
      await storage.saveAsset(asset)
      const stored = await storage.getAsset(asset.id)
      expect(stored && { ...stored, data: hex(stored.data) }).toEqual({
        ...asset,
        data: hex(asset.data),
      })
      expect(await storage.getAsset('no-such-asset')).toBeUndefined()
    })

    it('reads and writes a workshop’s day', async () => {
      const workshop = workshopRecord()
      await storage.createWorkshop(workshop, [newBoard('plenary')], [])
      expect(await storage.readWorkshopDay(workshop.id)).toBeUndefined()
      await storage.writeWorkshopDay(workshop.id, '{"step":1}')
      await storage.writeWorkshopDay(workshop.id, '{"step":2}')
      expect(await storage.readWorkshopDay(workshop.id)).toBe('{"step":2}')
    })

    it('sets ballots, keeps the first polarity, and deletes at zero votes or fewer', async () => {
      const workshop = workshopRecord()
      const group = newBoard('group')
      await storage.createWorkshop(workshop, [group], [])
      const anna = participantRecord(workshop.id)
      const bo = participantRecord(workshop.id)
      await storage.addParticipant(anna)
      await storage.addParticipant(bo)
      const ballot = {
        voteId: 'vote-1',
        participantId: anna.id,
        itemId: 'item-1',
        boardId: group.board.id,
        votes: 2,
        polarity: 'enabling' as const,
      }
      await storage.setBallot(workshop.id, ballot)
      await storage.setBallot(workshop.id, {
        ...ballot,
        itemId: 'item-2',
        votes: 1,
        polarity: null,
      })
      await storage.setBallot(workshop.id, { ...ballot, participantId: bo.id, votes: 3 })
      await storage.setBallot(workshop.id, { ...ballot, votes: 4, polarity: 'hindering' })
      const sorted = <T extends { participantId: string; itemId: string }>(rows: T[]) =>
        [...rows].sort((a, b) =>
          `${a.participantId}${a.itemId}`.localeCompare(`${b.participantId}${b.itemId}`),
        )
      expect(sorted(await storage.ballotsOf('vote-1', anna.id))).toEqual(
        sorted([
          { ...ballot, votes: 4 },
          { ...ballot, itemId: 'item-2', votes: 1, polarity: null },
        ]),
      )
      expect(await storage.allBallots('vote-1')).toHaveLength(3)
      await storage.setBallot(workshop.id, { ...ballot, votes: 0 })
      await storage.setBallot(workshop.id, { ...ballot, itemId: 'item-2', votes: -1 })
      expect(await storage.ballotsOf('vote-1', anna.id)).toEqual([])
      expect(await storage.allBallots('vote-1')).toEqual([
        { ...ballot, participantId: bo.id, votes: 3 },
      ])
      expect(await storage.allBallots('other-vote')).toEqual([])
    })

    it('replaces tokens by scope and role', async () => {
      const workshop = workshopRecord()
      const facilitator = tokenRecord(workshop.id, 'facilitator')
      const viewer = tokenRecord(workshop.id, 'viewer')
      await storage.createWorkshop(workshop, [newBoard('plenary')], [facilitator, viewer])
      const rotated = {
        ...tokenRecord(workshop.id, 'viewer'),
        createdAt: viewer.createdAt,
        rotatedAt: 1_700_000_100_000,
      }
      await storage.replaceTokens([rotated])
      const plain = (t: { hash: Buffer; sealed: Buffer | null }) => ({
        ...t,
        hash: hex(t.hash),
        sealed: hex(t.sealed ?? undefined),
      })
      expect((await storage.tokensOf(workshop.id)).map(plain)).toEqual(
        [facilitator, rotated].map(plain),
      )
    })

    it('runs the tasks of one key one at a time, in the order they came', async () => {
      const workshop = workshopRecord()
      await storage.createWorkshop(workshop, [newBoard('plenary')], [])
      const key = freshId('day')
      const events: string[] = []
      await Promise.all(
        [1, 2, 3].map((task) =>
          storage.serialized(key, async () => {
            events.push(`enter ${task}`)
            await increment(storage, workshop.id)
            events.push(`leave ${task}`)
          }),
        ),
      )
      expect(events).toEqual(['enter 1', 'leave 1', 'enter 2', 'leave 2', 'enter 3', 'leave 3'])
      expect(await counted(storage, workshop.id)).toBe(3)
    })

    it('runs the tasks of different keys side by side', async () => {
      let entered = 0
      let bothInside!: () => void
      const both = new Promise<void>((resolve) => (bothInside = resolve))
      const section = (key: string) =>
        storage.serialized(key, async () => {
          await storage.getBoard('no-such-board')
          if (++entered === 2) bothInside()
          // Run one after the other, the first would wait here for the second forever.
          await before(both, 2_000, 'the other key’s task')
          return key
        })
      const [first, second] = [freshId('day'), freshId('day')]
      expect(await Promise.all([section(first), section(second)])).toEqual([first, second])
    })

    it('frees a key when its task fails, and hands the caller the failure', async () => {
      const key = freshId('ballot')
      const failing = storage.serialized(key, async () => {
        await storage.getBoard('no-such-board')
        throw new Error('task failed')
      })
      await expect(failing).rejects.toThrow('task failed')
      const next = storage.serialized(key, async () => 'next')
      expect(await before(next, 2_000, 'the task after a failed one')).toBe('next')
    })

    // More sections at once than PostgreSQL's main pool has connections (10), each querying
    // through it: lock holders waiting in that pool for their own tasks would deadlock.
    it('finishes many sections at once, each reading and writing storage', async () => {
      const workshops = Array.from({ length: 30 }, () => workshopRecord())
      for (const workshop of workshops) {
        await storage.createWorkshop(workshop, [newBoard('plenary')], [])
      }
      const sections = workshops.flatMap((workshop) =>
        [1, 2, 3].map(() =>
          storage.serialized(`day:${workshop.id}`, () => increment(storage, workshop.id)),
        ),
      )
      await before(Promise.all(sections), 20_000, '90 sections on 30 keys')
      for (const workshop of workshops) expect(await counted(storage, workshop.id)).toBe(3)
    })

    it('checkpoints without complaint', async () => {
      await storage.checkpoint()
    })
  })
}

describeStorageContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-contract-'))
  const storage = new SqliteStorage(dir)
  const close = storage.close.bind(storage)
  storage.close = async () => {
    await close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { storage }
})

reportPostgresSkip('storageContract')

describe.skipIf(!postgresAvailable())('PostgreSQL', () => {
  let server: PostgresServer
  let databases = 0
  beforeAll(async () => {
    server = await startPostgres()
  })
  afterAll(async () => {
    await server?.stop()
  })

  /** Each test gets a database of its own, so no test sees another's rows. */
  const openFresh = async () =>
    PostgresStorage.open(await server.createDatabase(`contract_${++databases}`))

  describeStorageContract('PostgreSQL', async () => {
    const storage = await openFresh()
    let commits = 0
    storage.onCommit(() => void commits++)
    return { storage, commits: () => commits }
  })

  describe('PostgreSQL only', () => {
    /** Two storages on one database, as two server nodes run them. */
    const twoNodes = async (name: string) => {
      const url = await server.createDatabase(`${name}_${++databases}`)
      return { url, nodes: await Promise.all([1, 2].map(() => PostgresStorage.open(url))) }
    }

    /** Advisory locks held in `url`'s database right now, by any session. */
    const heldLocks = async (url: string) => {
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      try {
        const { rows } = await admin.query<{ held: number }>(
          `SELECT count(*)::int AS held FROM pg_locks
           WHERE locktype = 'advisory' AND granted AND database =
             (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
        return rows[0]!.held
      } finally {
        await admin.end()
      }
    }

    it('never runs one key’s tasks on two nodes at once', async () => {
      const { url, nodes } = await twoNodes('two_nodes')
      try {
        const workshop = workshopRecord()
        await nodes[0]!.createWorkshop(workshop, [newBoard('plenary')], [])
        const occupancy = new Occupancy()
        const key = `day:${workshop.id}`
        await Promise.all(
          Array.from({ length: 12 }, (_, task) => {
            const node = nodes[task % 2]!
            return node.serialized(key, () => occupancy.within(() => increment(node, workshop.id)))
          }),
        )
        expect(occupancy.most).toBe(1)
        expect(await counted(nodes[1]!, workshop.id)).toBe(12)
        expect(await heldLocks(url)).toBe(0)
      } finally {
        await Promise.all(nodes.map((node) => node.close()))
      }
    })

    it('frees a key for another node when a task fails there', async () => {
      const { url, nodes } = await twoNodes('failed_section')
      const [failing, other] = nodes as [PostgresStorage, PostgresStorage]
      try {
        const key = freshId('ballot')
        const failed = failing.serialized(key, async () => {
          throw new Error('task failed')
        })
        await expect(failed).rejects.toThrow('task failed')
        const next = other.serialized(key, async () => 'next')
        expect(await before(next, 5_000, 'the other node’s task')).toBe('next')
        expect(await heldLocks(url)).toBe(0)
      } finally {
        await failing.close()
        await other.close()
      }
    })

    it('goes on when a lock’s connection is cut while its task runs', async () => {
      const url = await server.createDatabase(`cut_lock_${++databases}`)
      const storage = await PostgresStorage.open(url)
      const admin = new pg.Client({ connectionString: server.url })
      await admin.connect()
      try {
        const key = freshId('day')
        const result = await storage.serialized(key, async () => {
          const { rows } = await admin.query<{ cut: boolean }>(
            `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
             WHERE datname = $1 AND query LIKE 'SELECT pg_advisory_lock%'`,
            [url.split('/').at(-1)],
          )
          expect(rows).toEqual([{ cut: true }])
          // Lets the connection hear that it was cut before the task ends.
          await new Promise((resolve) => setTimeout(resolve, 100))
          return storage.getBoard('no-such-board')
        })
        expect(result).toBeUndefined()
        const next = storage.serialized(key, async () => 'next')
        expect(await before(next, 5_000, 'the task after a cut lock')).toBe('next')
        expect(await heldLocks(url)).toBe(0)
      } finally {
        await admin.end()
        await storage.close()
      }
    })

    it('rejects an append whose seq another writer stored first, and only that board’s', async () => {
      const url = await server.createDatabase(`fencing_${++databases}`)
      const stale = await PostgresStorage.open(url)
      const owner = await PostgresStorage.open(url)
      try {
        const contested = boardRecord()
        const other = boardRecord()
        await stale.createBoard(contested, bytes(0))
        await stale.createBoard(other, bytes(0))
        const staleSeq = await stale.appendUpdates(contested.id, [bytes(1)])
        // Another node took the board over and wrote to it.
        const ownerSeq = await owner.appendUpdates(contested.id, [bytes(2)])
        expect(ownerSeq).toBe(staleSeq + 1)

        const conflicted = stale.appendUpdates(contested.id, [bytes(3)])
        const unrelated = stale.appendUpdates(other.id, [bytes(4)])
        await expect(conflicted).rejects.toBeInstanceOf(StorageError)
        await expect(conflicted).rejects.toThrow(/Another writer/)
        await expect(conflicted).rejects.toBeInstanceOf(AppendConflict)
        expect(await unrelated).toBeGreaterThan(1)
        const doc = await owner.loadDoc(contested.id)
        expect(doc.updates.map(hex)).toEqual([0, 1, 2].map((value) => hex(bytes(value))))
        expect(doc.lastSeq).toBe(ownerSeq)
      } finally {
        await stale.close()
        await owner.close()
      }
    })

    it('puts the appends that queue during a commit, for any board, into the next one', async () => {
      const storage = await openFresh()
      try {
        const boards = Array.from({ length: 5 }, () => boardRecord())
        for (const board of boards) await storage.createBoard(board, bytes(0))
        const batches: number[] = []
        storage.onCommit((report) => {
          expect(report.ok).toBe(true)
          expect(report.ms).toBeGreaterThanOrEqual(0)
          batches.push(report.appends)
        })
        const first = storage.appendUpdates(boards[0]!.id, [bytes(1)])
        // setImmediate runs while the first commit waits on the network.
        const queued = await new Promise<Promise<number>[]>((resolve) =>
          setImmediate(() =>
            resolve(
              Array.from({ length: 50 }, (_, index) =>
                storage.appendUpdates(boards[index % 5]!.id, [bytes(2)]),
              ),
            ),
          ),
        )
        await Promise.all([first, ...queued])
        expect(batches).toEqual([1, 50])
      } finally {
        await storage.close()
      }
    })

    it('fails only the appends of a board another node erased, not the batch with it', async () => {
      const url = await server.createDatabase(`erased_${++databases}`)
      const writer = await PostgresStorage.open(url)
      const eraser = await PostgresStorage.open(url)
      try {
        const workshop = workshopRecord()
        const erased = newBoard('group')
        await writer.createWorkshop(workshop, [erased], [])
        await writer.appendUpdates(erased.board.id, [bytes(1)])
        const kept = boardRecord()
        await writer.createBoard(kept, bytes(0))
        await eraser.deleteWorkshop(workshop.id)

        const lost = writer.appendUpdates(erased.board.id, [bytes(2)])
        const stored = writer.appendUpdates(kept.id, [bytes(3)])
        await expect(lost).rejects.toThrow(/does not exist/)
        await expect(lost).rejects.not.toBeInstanceOf(AppendConflict)
        expect(await stored).toBe(2)
        expect((await eraser.loadDoc(kept.id)).updates.map(hex)).toEqual([
          hex(bytes(0)),
          hex(bytes(3)),
        ])
      } finally {
        await writer.close()
        await eraser.close()
      }
    })

    it('rejects appends to a board that does not exist with a StorageError', async () => {
      const storage = await openFresh()
      try {
        await expect(storage.appendUpdates('no-such-board', [bytes(1)])).rejects.toBeInstanceOf(
          StorageError,
        )
      } finally {
        await storage.close()
      }
    })

    it('applies the schema from several nodes starting at once', async () => {
      const url = await server.createDatabase(`schema_${++databases}`)
      const nodes = await Promise.all([1, 2, 3, 4].map(() => PostgresStorage.open(url)))
      await Promise.all(nodes.map((node) => node.close()))
    })

    it('goes on when the server ends its connections; a call on a dead one only rejects', async () => {
      const url = await server.createDatabase(`terminated_${++databases}`)
      const storage = await PostgresStorage.open(url)
      const admin = new pg.Client({ connectionString: server.url })
      await admin.connect()
      try {
        const board = boardRecord()
        await storage.createBoard(board, bytes(0))
        // Several idle connections in the pool, then all of them cut, as a failover would.
        await Promise.all([1, 2, 3].map(() => storage.getBoard(board.id)))
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [url.split('/').at(-1)],
        )
        const outcomes = []
        for (let attempt = 0; attempt < 5; attempt++) {
          outcomes.push(
            await storage.appendUpdates(board.id, [bytes(attempt + 1)]).then(
              () => 'stored',
              (error: unknown) => (error instanceof StorageError ? 'rejected' : 'other'),
            ),
          )
        }
        expect(outcomes).not.toContain('other')
        expect(outcomes.at(-1)).toBe('stored')
        expect(await storage.getBoard(board.id)).toEqual(board)
      } finally {
        await admin.end()
        await storage.close()
      }
    })

    it('works again after PostgreSQL restarts; calls while it is down reject', async () => {
      const storage = await openFresh()
      try {
        const board = boardRecord()
        await storage.createBoard(board, bytes(0))
        const before = await storage.appendUpdates(board.id, [bytes(1)])
        await server.restart(async () => {
          await expect(storage.getBoard(board.id)).rejects.toThrow()
          const whileDown = storage.appendUpdates(board.id, [bytes(2)])
          await expect(whileDown).rejects.toBeInstanceOf(StorageError)
          // Unreachable is not a conflict: the room may try again later.
          await expect(whileDown).rejects.not.toBeInstanceOf(AppendConflict)
        })
        expect(await storage.getBoard(board.id)).toEqual(board)
        const after = await storage.appendUpdates(board.id, [bytes(3)])
        expect(after).toBe(before + 1)
        const doc = await storage.loadDoc(board.id)
        expect(doc.updates.map(hex)).toEqual([0, 1, 3].map((value) => hex(bytes(value))))
      } finally {
        await storage.close()
      }
    })
  })
})
