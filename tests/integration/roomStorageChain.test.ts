import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord } from '../../shared/board/boardDoc'
import { createLogger } from '../../server/logger'
import { createMetrics } from '../../server/metrics'
import { SqliteStorage } from '../../server/storage/SqliteStorage'
import type { Storage } from '../../server/storage/Storage'
import { docFromStored } from '../../server/storage/storedDoc'
import { KeyedSerial } from '../../server/storage/KeyedSerial'
import { RoomRegistry } from '../../server/sync/RoomRegistry'
import { putNote } from '../support/syncClients'

/**
 * Storage is asynchronous, so the registry and a room's storage chain decide what a reader or
 * a new room sees while a write, a load or an unload is still in flight. Real SQLite, no server.
 */
const opened: { storage: Storage; dir: string }[] = []

afterEach(async () => {
  for (const { storage, dir } of opened.splice(0)) {
    await storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

async function registryWithBoard() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-chain-'))
  const storage = new SqliteStorage(dir)
  opened.push({ storage, dir })
  const seed = new Y.Doc()
  putNote(seed, 'shape:seed', 'Otydliga mål')
  const board = { id: 'chainBoard000001', title: 'Grupp 1', template: 'blank', createdAt: 1 }
  await storage.createBoard(board, Y.encodeStateAsUpdate(seed))
  const rooms = new RoomRegistry(storage, createLogger('silent'), registryOptions, createMetrics())
  return { storage, rooms, boardId: board.id }
}

const registryOptions = {
  graceMs: 60_000,
  maxRooms: 10,
  compactEveryUpdates: 3,
  rebuildRatio: 1.25,
  awarenessIntervalMs: 40,
  presenceBatchAbove: 20,
  maxDocBytes: 16 * 1024 * 1024,
  maxRecords: 5000,
  maxBufferedBytes: 32 * 1024 * 1024,
}

async function storedNote(storage: Storage, boardId: string, id: string) {
  const doc = docFromStored(await storage.loadDoc(boardId))
  const found = readRecord(doc, id) !== undefined
  doc.destroy()
  return found
}

describe('a room on asynchronous storage', () => {
  it('gives callers that open a board at once one and the same room', async () => {
    const { rooms, boardId } = await registryWithBoard()
    const [a, b, c] = await Promise.all([
      rooms.open(boardId),
      rooms.open(boardId),
      rooms.open(boardId),
    ])
    expect(a).toBe(b)
    expect(b).toBe(c)
    expect(rooms.size).toBe(1)
    await rooms.unloadAll()
  })

  it('stores what is pending before a flush resolves, and compacts on the same chain', async () => {
    const { storage, rooms, boardId } = await registryWithBoard()
    const room = await rooms.open(boardId)
    for (let n = 0; n < 10; n++) putNote(room.doc, `shape:n${n}`, `Lapp ${n}`)
    expect(room.hasPending).toBe(true)
    await room.flush()
    expect(room.hasPending).toBe(false)
    for (let n = 0; n < 10; n++)
      expect(await storedNote(storage, boardId, `shape:n${n}`)).toBe(true)
    // Past COMPACT_EVERY_UPDATES the next write folds everything into a snapshot.
    putNote(room.doc, 'shape:after', 'Efter')
    await room.flush()
    await room.compact()
    const stored = await storage.loadDoc(boardId)
    expect(stored.snapshot).toBeDefined()
    expect(stored.updates).toHaveLength(0)
    expect(await storedNote(storage, boardId, 'shape:after')).toBe(true)
    await rooms.unloadAll()
  })

  it('opens a board that is still unloading only once its last changes are stored', async () => {
    const { storage, rooms, boardId } = await registryWithBoard()
    const first = await rooms.open(boardId)
    putNote(first.doc, 'shape:last-word', 'Sista ordet')
    const unloading = rooms.unload(boardId)
    // The board left the map at once; a new open must wait for the store, not read old rows.
    const second = await rooms.open(boardId)
    expect(second).not.toBe(first)
    expect(readRecord(second.doc, 'shape:last-word')).toBeDefined()
    await unloading
    expect(await storedNote(storage, boardId, 'shape:last-word')).toBe(true)
    await rooms.unloadAll()
  })

  it('lets a reader of an unloading board see its last changes', async () => {
    const { storage, rooms, boardId } = await registryWithBoard()
    const room = await rooms.open(boardId)
    putNote(room.doc, 'shape:read-me', 'Läs mig')
    const unloading = rooms.unload(boardId)
    await rooms.stored(boardId)
    expect(await storedNote(storage, boardId, 'shape:read-me')).toBe(true)
    await unloading
  })

  it('drops an erased board without storing what was pending', async () => {
    const { storage, rooms, boardId } = await registryWithBoard()
    const room = await rooms.open(boardId)
    putNote(room.doc, 'shape:erased', 'Raderas')
    rooms.discard(boardId)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await storedNote(storage, boardId, 'shape:erased')).toBe(false)
    expect(rooms.size).toBe(0)
  })
})

describe('KeyedSerial', () => {
  it('runs one key’s read-check-write tasks one after another, other keys alongside', async () => {
    const serial = new KeyedSerial()
    let stored = 0
    const order: string[] = []
    const increment = (key: string) =>
      serial.run(key, async () => {
        const read = stored
        await new Promise((resolve) => setTimeout(resolve, 1))
        stored = read + 1
        order.push(key)
      })
    await Promise.all(Array.from({ length: 20 }, () => increment('a')))
    expect(stored).toBe(20)
    // A failing task fails its caller only; the next task of the key still runs.
    await expect(serial.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await increment('a')
    expect(stored).toBe(21)
    expect(order).toHaveLength(21)
  })
})
