import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { writeRecords } from '../../../shared/board/boardDoc'
import { noteShape } from '../../../shared/board/shapeRecords'
import type { BoardInfo } from '../../../shared/contracts'
import { connectProvider, waitFor, whenSynced } from '../../support/syncClients'
import { readRssMiB } from '../servers/procStats'
import { startOurServer, type OurServer } from '../servers/serverProcess'

/** Records a board may hold by default (MAX_RECORDS_PER_BOARD); the page is one of them. */
const RECORDS_LIMIT = 5000
/** Of the 16 MiB default MAX_DOC_BYTES, what 4,990 notes of this much text come close to. */
const TEXT_AT_BYTE_LIMIT = 2600
const NOTES_PER_UPDATE = 250

export interface BoardMemoryRow {
  board: string
  notes: number
  /** The board's whole doc as one update (what a joining client receives). */
  docMiB: number
  /** RSS after a GC with no board loaded, and after each of `boards` more was loaded. */
  baselineMiB: number
  loadedMiB: number[]
  /** (last − baseline) / boards: what one more loaded board of this kind costs. */
  perBoardMiB: number
  /** The highest RSS sampled while the boards were being opened. */
  peakMiB: number
}

/** Fills a board through the sync socket, as participants would, in updates under 2 MiB. */
async function fill(board: BoardInfo, notes: number, textLength: number) {
  const { doc, provider } = connectProvider(board.sync, new Y.Doc())
  let closedWith: string | undefined
  provider.on('connection-close', (event) => {
    closedWith ??= `${event?.code} ${event?.reason}`
  })
  await whenSynced(provider)
  for (let start = 0; start < notes; start += NOTES_PER_UPDATE) {
    doc.transact(() =>
      writeRecords(
        doc,
        Array.from({ length: Math.min(NOTES_PER_UPDATE, notes - start) }, (_, k) => {
          const i = start + k
          const text = randomBytes(Math.ceil(textLength * 0.75))
            .toString('base64')
            .slice(0, textLength)
          return noteShape(
            { id: `shape:n${i}`, x: (i % 70) * 220, y: Math.floor(i / 70) * 220, index: 'a1' },
            { text, color: 'yellow' },
          )
        }),
      ),
    )
    // Wait for the server to have it before the next batch, so its rate limits never bite.
    await waitFor(() => closedWith !== undefined || provider.ws?.bufferedAmount === 0, 60_000)
    if (closedWith) throw new Error(`the server closed the filling connection: ${closedWith}`)
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
  if (closedWith) throw new Error(`the server closed the filling connection: ${closedWith}`)
  provider.destroy()
}

async function rssAfterGc(server: OurServer) {
  await server.collectGarbage()
  return readRssMiB(server.pid)
}

/**
 * Server RSS per loaded board at the default limits: `boards` boards of 4,999 notes (the
 * records limit) with short text, and as many near the 16 MiB byte limit, stored, then opened
 * one after another by a fresh server process that has nothing else loaded.
 */
export async function runBoardMemory(
  boards: number,
  log: (line: string) => void,
): Promise<BoardMemoryRow[]> {
  const kinds = [
    { board: 'records limit, 12-character notes', notes: RECORDS_LIMIT - 1, text: 12 },
    {
      board: 'near 16 MiB, 2,600-character notes',
      notes: RECORDS_LIMIT - 10,
      text: TEXT_AT_BYTE_LIMIT,
    },
  ]
  const rows: BoardMemoryRow[] = []
  for (const kind of kinds) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-bench-memory-'))
    const env = { ROOM_GRACE_MS: '3600000' }
    try {
      const writer = await startOurServer({ dataDir, env })
      const made: BoardInfo[] = []
      for (let b = 0; b < boards; b++) {
        const board = await writer.createBoard({ title: `Full ${b}`, template: 'blank' })
        await fill(board, kind.notes, kind.text)
        log(`  filled board ${b + 1} of ${boards} (${kind.board})`)
        made.push(board)
      }
      await writer.stop()

      const server = await startOurServer({ dataDir, env })
      const baselineMiB = await rssAfterGc(server)
      let peakMiB = baselineMiB
      const sampler = setInterval(() => {
        peakMiB = Math.max(peakMiB, readRssMiB(server.pid))
      }, 50)
      const loadedMiB: number[] = []
      let docMiB = 0
      const readers = []
      for (const board of made) {
        // The links name the first process's port; the fresh one listens elsewhere.
        const serverUrl = `${server.baseUrl.replace('http', 'ws')}/sync`
        const reader = connectProvider({ ...board.sync, serverUrl }, new Y.Doc())
        readers.push(reader)
        await waitFor(() => reader.provider.synced, 60_000)
        loadedMiB.push(await rssAfterGc(server))
        docMiB = Y.encodeStateAsUpdate(reader.doc).byteLength / 1024 ** 2
      }
      clearInterval(sampler)
      for (const reader of readers) reader.provider.destroy()
      await server.stop()
      const row: BoardMemoryRow = {
        board: kind.board,
        notes: kind.notes,
        docMiB,
        baselineMiB,
        loadedMiB,
        perBoardMiB: (loadedMiB.at(-1)! - baselineMiB) / boards,
        peakMiB,
      }
      log(`  ${JSON.stringify(row)}`)
      rows.push(row)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return rows
}
