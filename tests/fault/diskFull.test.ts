import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { loadStoredDoc } from '../support/storedBoard'
import {
  createBoard,
  freePort,
  startServerProcess,
  tempDataDir,
  type ServerProcess,
} from '../support/serverProcess'
import { noteText, putNote, waitFor } from '../support/syncClients'
import { boardClient, type BoardClient } from './boardClient'

const MiB = 1024 * 1024
const isRoot = process.getuid?.() === 0

let server: ServerProcess | undefined
const clients: BoardClient[] = []
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.provider.destroy()
  await server?.stop('SIGKILL')
  server = undefined
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function client(sync: Parameters<typeof boardClient>[0]) {
  const made = boardClient(sync, server!.url)
  const closes: number[] = []
  made.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
  clients.push(made)
  return { ...made, closes }
}

/** Storage that fills up and is freed again, as a full disk and an operator's clean-up. */
interface FullStorage {
  dataDir: string
  env: Record<string, string>
  /** Takes all but a little of the room left. */
  fill(): void
  /** Gives the room back. */
  free(): void
}

/** A database capped with MAX_DATABASE_BYTES, filled by a table only this test writes. */
function cappedDatabase(): FullStorage {
  const dataDir = tempDataDir()
  const file = path.join(dataDir, 'samskapa.db')
  const withDb = (work: (db: Database.Database) => void) => {
    const db = new Database(file)
    try {
      work(db)
    } finally {
      db.close()
    }
  }
  return {
    dataDir,
    env: { MAX_DATABASE_BYTES: String(4 * MiB) },
    fill: () =>
      withDb((db) => {
        db.exec('CREATE TABLE filler (data BLOB)')
        db.prepare('INSERT INTO filler VALUES (zeroblob(?))').run(3 * MiB)
      }),
    free: () => withDb((db) => db.exec('DELETE FROM filler')),
  }
}

/** A real, tiny filesystem (tmpfs) mounted for the test, filled by a file. */
function tinyFilesystem(): FullStorage {
  const dataDir = tempDataDir()
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dataDir])
  cleanups.push(() => execFileSync('umount', ['-l', dataDir]))
  const filler = path.join(dataDir, 'filler')
  return {
    dataDir,
    env: {},
    fill: () => {
      const free = fs.statfsSync(dataDir).bavail * fs.statfsSync(dataDir).bsize
      fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free - MiB)))
    },
    free: () => fs.rmSync(filler),
  }
}

async function health(url: string) {
  const response = await fetch(`${url}/healthz`)
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; storage: { ok: boolean; error?: string } },
  }
}

async function survivesFullStorage(storage: FullStorage) {
  const port = await freePort()
  server = await startServerProcess(port, storage.dataDir, storage.env)
  const full = await createBoard(server.url, { template: 'blank' })
  const other = await createBoard(server.url, { template: 'blank' })
  const alice = client(full.sync)
  const carol = client(full.sync)
  const bob = client(other.sync)
  const dave = client(other.sync)
  await waitFor(() => clients.every((c) => c.provider.synced), 30_000)
  putNote(alice.doc, 'shape:before', 'skrivet före')
  await waitFor(() => noteText(carol.doc, 'shape:before') !== undefined, 30_000)

  storage.fill()
  for (let i = 0; i < 200 && alice.closes.length === 0; i++) {
    putNote(alice.doc, `shape:n${i}`, `anteckning ${i} `.repeat(4000))
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  // The writer and her room were closed with 1011; the server lives and says why.
  expect(alice.closes[0]).toBe(CloseCode.storageFailed)
  await waitFor(() => carol.closes.includes(CloseCode.storageFailed), 30_000)
  expect(server.isAlive()).toBe(true)
  const failing = await health(server.url)
  expect(failing.status).toBe(503)
  expect(failing.body.storage).toMatchObject({ ok: false, error: 'SQLITE_FULL' })

  // The other room was left alone: its clients stay connected and still see each other.
  expect(bob.closes).toEqual([])
  bob.provider.awareness.setLocalStateField('presence', { userName: 'Bob' })
  await waitFor(() => [...dave.provider.awareness.getStates().values()].some((s) => s.presence))

  // Storage kept the last good state: everything a peer was shown is stored.
  const stored = loadStoredDoc(storage.dataDir, full.id)
  expect(noteText(stored, 'shape:before')).toBe('skrivet före')
  for (let i = 0; i < 200; i++) {
    const id = `shape:n${i}`
    if (noteText(carol.doc, id) !== undefined) expect(noteText(stored, id)).toBeDefined()
  }

  // Once there is room again, the writer's unsaved notes arrive and health is back.
  storage.free()
  const last = [...alice.doc.getMap('records').keys()].filter((id) => id.startsWith('shape:n'))
  await waitFor(() => last.every((id) => noteText(carol.doc, id) !== undefined), 60_000)
  await waitFor(() => alice.provider.synced && carol.provider.synced, 30_000)
  expect((await health(server.url)).body.ok).toBe(true)
  const after = loadStoredDoc(storage.dataDir, full.id)
  for (const id of last) expect(noteText(after, id)).toBeDefined()
}

describe('full storage', () => {
  it(
    'closes the writing room with 1011, keeps its stored state and recovers (database cap)',
    () => survivesFullStorage(cappedDatabase()),
    120_000,
  )

  it.runIf(isRoot)(
    'does the same on a real full filesystem (tmpfs)',
    () => survivesFullStorage(tinyFilesystem()),
    120_000,
  )
})
