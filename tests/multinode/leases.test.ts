import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RoomLeases } from '../../server/cluster/RoomLeases'
import { PostgresStorage } from '../../server/storage/postgres/PostgresStorage'
import { AppendConflict } from '../../server/storage/postgres/UpdateGroupCommit'
import {
  postgresAvailable,
  reportPostgresSkip,
  startPostgres,
  type PostgresServer,
} from '../support/postgresServer'
import { boardRecord, bytes, freshId } from '../support/storageRecords'

reportPostgresSkip('leases')

let postgres: PostgresServer | undefined
let databaseUrl = ''

/** A node: its own storage (pool, group commit) and its leases, on the shared database. */
async function node(nodeId: string) {
  const storage = await PostgresStorage.open(databaseUrl)
  storage.writeFences.requireFences = true
  return { storage, leases: new RoomLeases(storage.database, nodeId, 3000) }
}

async function storedUpdates(storage: PostgresStorage, boardId: string): Promise<number> {
  return (await storage.loadDoc(boardId)).updates.length
}

describe.skipIf(!postgresAvailable())('one writer per board: leases and fenced appends', () => {
  beforeAll(async () => {
    postgres = await startPostgres()
    databaseUrl = await postgres.createDatabase(`samskapa_leases_${Date.now()}`)
  }, 120_000)

  afterAll(async () => {
    await postgres?.stop()
  })

  it('gives a board to one node; a stalled owner’s append after a take-over stores nothing', async () => {
    const [a, b] = [await node('node-a'), await node('node-b')]
    const boardId = freshId('board')
    await a.storage.createBoard(boardRecord({ id: boardId }), bytes(0))

    const claimA = await a.leases.claim(boardId)
    expect('ours' in claimA).toBe(true)
    if (!('ours' in claimA)) return
    a.storage.writeFences.fence(boardId, claimA.ours, 1)
    expect(await b.leases.claim(boardId)).toEqual({ holder: claimA.ours })
    // Without a lease of its own, b may not write at all.
    await expect(b.storage.appendUpdates(boardId, [bytes(0)])).rejects.toBeInstanceOf(
      AppendConflict,
    )
    expect(await a.storage.appendUpdates(boardId, [bytes(0)])).toBe(2)

    // a stalls (a long pause) past its lease; b takes the board over.
    await a.storage.database.query(
      "UPDATE room_leases SET expires_at = now() - interval '1 second' WHERE board_id = $1",
      [boardId],
    )
    const claimB = await b.leases.claim(boardId)
    expect('ours' in claimB && claimB.ours.epoch).toBe(claimA.ours.epoch + 1)
    if (!('ours' in claimB)) return
    b.storage.writeFences.fence(boardId, claimB.ours, (await b.storage.loadDoc(boardId)).lastSeq)

    // a wakes up and writes at the seq it expects, which is still free: the fence stops it.
    const before = await storedUpdates(a.storage, boardId)
    await expect(a.storage.appendUpdates(boardId, [bytes(0)])).rejects.toBeInstanceOf(
      AppendConflict,
    )
    expect(await storedUpdates(a.storage, boardId)).toBe(before)
    expect(await a.leases.renew(new Map([[boardId, claimA.ours]]))).toEqual(new Set())
    expect(await b.storage.appendUpdates(boardId, [bytes(0)])).toBe(3)
    expect(await b.leases.renew(new Map([[boardId, claimB.ours]]))).toEqual(new Set([boardId]))

    // Given up, the lease is free at once for the next node.
    await b.leases.release(boardId, claimB.ours)
    expect(await a.leases.holder(boardId)).toBeUndefined()
    await Promise.all([a.storage.close(), b.storage.close()])
  })

  it('fails an owner’s append whose lease lapsed even when nobody took the board', async () => {
    const a = await node('node-c')
    const boardId = freshId('board')
    await a.storage.createBoard(boardRecord({ id: boardId }), bytes(0))
    const claim = await a.leases.claim(boardId)
    if (!('ours' in claim)) throw new Error('expected the lease')
    a.storage.writeFences.fence(boardId, claim.ours, 1)
    await a.storage.database.query(
      "UPDATE room_leases SET expires_at = now() - interval '1 second' WHERE board_id = $1",
      [boardId],
    )
    await expect(a.storage.appendUpdates(boardId, [bytes(0)])).rejects.toBeInstanceOf(
      AppendConflict,
    )
    expect(await storedUpdates(a.storage, boardId)).toBe(1)
    await a.storage.close()
  })

  it('claims no lease for a board that does not exist', async () => {
    const a = await node('node-d')
    expect(await a.leases.claim(freshId('missing'))).toEqual({ holder: undefined })
    await a.storage.close()
  })
})
