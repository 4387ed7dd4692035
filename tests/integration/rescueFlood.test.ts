import http from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RESCUES_IN_FLIGHT, RESCUES_PER_MINUTE } from '../../server/http/RequestLimits'
import { recordsMap } from '../../shared/board/boardDoc'
import { readEpoch } from '../../shared/board/boardEpoch'
import type { SyncInfo } from '../../shared/contracts'
import type { CreatedBoard } from '../../shared/workshopContracts'
import { playDayOfMoves } from '../support/dayOfMoves'
import { slowestHealthAnswer } from '../support/health'
import { connectProvider, noteText, putNote, waitFor, whenSynced } from '../support/syncClients'
import { logCapture, startTestServer, type TestServer } from '../support/testServer'
import { tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const destroyers: (() => void)[] = []
afterEach(async () => {
  for (const destroy of destroyers.splice(0)) destroy()
  await server?.stop()
  server = undefined
})

const NOTES = 3000
const MiB = 1024 * 1024

function withParams(sync: SyncInfo, params: Record<string, string>): SyncInfo {
  return { ...sync, params: { ...sync.params, ...params } }
}

async function joined(sync: SyncInfo, doc?: Y.Doc) {
  const client = connectProvider(sync, doc)
  destroyers.push(() => client.provider.destroy())
  await whenSynced(client.provider)
  return client
}

/**
 * A board of NOTES notes after a day of moves, rebuilt into epoch 1 when its room unloaded;
 * returns a browser's copy of epoch 0 (close to MAX_DOC_BYTES) and a reader of epoch 1 that
 * keeps the room loaded.
 */
async function rebuiltBigBoard(log: ReturnType<typeof logCapture>) {
  const day = new Y.Doc()
  playDayOfMoves(day, NOTES, 4)
  const copy = Y.encodeStateAsUpdate(day)
  server = await startTestServer(
    {
      LOG_LEVEL: 'info',
      ROOM_GRACE_MS: '50',
      // A day of moves of this many notes grows the doc by 6 %: rebuilt at a lower ratio.
      REBUILD_RATIO: '1.05',
      MAX_DOC_BYTES: String(3 * MiB),
      MAX_MESSAGE_BYTES: String(4 * MiB),
    },
    undefined,
    log.destination,
  )
  const board = (await server.createBoard({ title: 'Stor dag' })) as CreatedBoard
  const writer = await joined(withParams(board.sync, { epoch: '0' }), day)
  const room = () => server!.rooms.get(board.id)
  await waitFor(() => recordsMap(room()!.doc).size > NOTES && !room()!.hasPending, 60_000)
  writer.provider.disconnect()
  await waitFor(() => server!.rooms.get(board.id) === undefined, 60_000)
  await server.rooms.stored(board.id)
  expect(await server.storage.epochBase(board.id, 0)).toBeDefined()
  const reader = await joined(withParams(board.sync, { epoch: 'none' }))
  expect(readEpoch(reader.doc)).toBe(1)
  return { board, copy, reader }
}

function rescue(board: CreatedBoard, copy: Uint8Array, token: string) {
  const query = new URLSearchParams({ epoch: '0', token }).toString()
  return fetch(`${server!.url}/api/boards/${board.id}/rescue?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: Buffer.from(copy),
  })
}

describe('the rescue route under a flood of big copies', () => {
  it('refuses a participant past the limit with 429 and Retry-After, and keeps /healthz and sync answering', async () => {
    const log = logCapture()
    const { board, copy, reader } = await rebuiltBigBoard(log)
    expect(copy.byteLength).toBeGreaterThan(0.6 * 3 * MiB)
    const token = tokenOf(board.links.participant)

    const answers: Response[] = []
    const flood = (async () => {
      for (let i = 0; i < RESCUES_PER_MINUTE + 3; i++)
        answers.push(await rescue(board, copy, token))
    })()
    // The probe shares the process's loop, so it sees only stalls that fall while a request of
    // its own is open; the loop's delay histogram sees every one (logged, bounded below).
    const loopDelay = monitorEventLoopDelay({ resolution: 10 })
    loopDelay.enable()
    const started = performance.now()
    const slowest = await slowestHealthAnswer(server!.url, flood)
    const floodMs = performance.now() - started
    await flood
    loopDelay.disable()
    const longestStallMs = loopDelay.max / 1e6
    const statuses = answers.map((answer) => answer.status)
    console.log(
      `slowest /healthz ${Math.round(slowest)} ms, longest stall ${Math.round(longestStallMs)} ms,`,
      `flood ${Math.round(floodMs)} ms,`,
      `copy ${copy.byteLength} bytes, answers ${statuses.join(' ')}`,
    )
    expect(statuses).toEqual([
      ...Array<number>(RESCUES_PER_MINUTE).fill(200),
      ...Array<number>(3).fill(429),
    ])
    const limited = answers.at(-1)!
    expect(await limited.json()).toMatchObject({ error: 'too_many_rescues' })
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)

    // The same bound as eventLoop.test.ts: a loop held by the flood would hold /healthz for
    // the whole of it.
    expect(slowest).toBeLessThan(floodMs / 4)
    expect(slowest).toBeLessThan(5000)
    expect(longestStallMs).toBeLessThan(5000)
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200)
    // A sync client still syncs: another writer's note reaches the reader.
    const other = await joined(withParams(board.sync, { epoch: 'none' }))
    putNote(other.doc, 'shape:after', 'efter floden')
    await waitFor(() => noteText(reader.doc, 'shape:after') === 'efter floden', 30_000)

    const refusals = refusalsIn(log)
    expect(refusals).toHaveLength(3)
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ room: board.id, status: 429, reason: 'rateLimited' })
    }
    expect(log.lines.filter((line) => line.includes(token))).toEqual([])
  }, 300_000)

  it('answers 503 with Retry-After while RESCUES_IN_FLIGHT copies are on their way, and takes the next after', async () => {
    const log = logCapture()
    server = await startTestServer({ LOG_LEVEL: 'info' }, undefined, log.destination)
    const board = (await server.createBoard({ title: 'Liten' })) as CreatedBoard
    const token = tokenOf(board.links.participant)
    // Copies that never finish arriving, each holding a place.
    const stalled = Array.from({ length: RESCUES_IN_FLIGHT }, () => stalledRescue(board, token))
    await Promise.all(stalled.map((request) => request.started))
    await waitFor(async () => (await rescue(board, Uint8Array.of(0, 0), token)).status === 503)
    const busy = await rescue(board, Uint8Array.of(0, 0), token)
    expect(busy.status).toBe(503)
    expect(await busy.json()).toMatchObject({ error: 'rescue_busy' })
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)

    for (const request of stalled) request.abort()
    // A place is free again: this copy gets as far as the epoch (none was ever rebuilt).
    await waitFor(async () => (await rescue(board, Uint8Array.of(0, 0), token)).status === 410)

    const refusals = refusalsIn(log)
    expect(refusals.length).toBeGreaterThanOrEqual(2)
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ room: board.id })
      expect(typeof refusal.reason).toBe('string')
    }
    expect(refusals.filter((refusal) => refusal.reason === 'rescueBusy').length).toBeGreaterThan(0)
    expect(refusals.filter((refusal) => refusal.reason === 'epochGone').length).toBeGreaterThan(0)
    expect(log.lines.filter((line) => line.includes(token))).toEqual([])
  }, 120_000)
})

/** The server's 'rescue refused' log lines. */
function refusalsIn(log: ReturnType<typeof logCapture>) {
  return log.lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === 'rescue refused')
}

/** A rescue whose body announces a megabyte and sends one byte of it, until aborted. */
function stalledRescue(board: CreatedBoard, token: string) {
  const url = new URL(`${server!.url}/api/boards/${board.id}/rescue`)
  url.search = new URLSearchParams({ epoch: '0', token }).toString()
  const request = http.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(MiB) },
  })
  request.on('error', () => undefined)
  const started = new Promise<void>((resolve) => request.write(Buffer.of(0), () => resolve()))
  return { started, abort: () => request.destroy() }
}
