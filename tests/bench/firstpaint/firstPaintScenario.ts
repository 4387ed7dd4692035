import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readRecords, type RecordJson } from '../../../shared/board/boardDoc'
import type { BoardInfo } from '../../../shared/contracts'
import { connectProvider, waitFor } from '../../support/syncClients'
import { buildBigBoard } from '../coldopen/bigBoard'
import { measureFirstPaint, type PaintRun } from '../coldopen/firstPaint'
import { startOurServer, type OurServer } from '../servers/serverProcess'
import { buildAnchorPage, serveAnchorPage } from './anchorPage'
import { profileFirstPaint, type ProfileLine } from './profile'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots')

export interface FirstPaintOptions {
  boards: number[]
  runs: number
}

export interface FirstPaintRow {
  notes: number
  oursMs: number[]
  anchorMs: number[]
  /**
   * Doc updates another client received during the first open of the board (at most the one
   * elected fitter sizing notes a script wrote without sizes, once) and during all later opens
   * (goal: none).
   */
  writesOnFirstOpen: number
  writesOnLaterOpens: number
  /** Set when a page load failed (e.g. timed out on an overloaded machine). */
  error?: string
}

export interface FirstPaintResult {
  rows: FirstPaintRow[]
  /** One profiled load of the largest board. */
  profile: ProfileLine[]
}

interface OpenBoard {
  notes: number
  board: BoardInfo
  records: RecordJson[]
}

async function openBoard(server: OurServer, notes: number): Promise<OpenBoard> {
  const board = await buildBigBoard(server, notes)
  const { doc, provider } = connectProvider(board.sync)
  try {
    await waitFor(() => provider.synced, 180_000)
    return { notes, board, records: readRecords(doc) }
  } finally {
    provider.destroy()
  }
}

/** Counts the doc updates other clients write into a board while it is being opened. */
async function watchWrites(board: BoardInfo) {
  const { doc, provider } = connectProvider(board.sync)
  await waitFor(() => provider.synced, 180_000)
  let updates = 0
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) updates++
  })
  return {
    count: () => updates,
    stop: () => provider.destroy(),
  }
}

const allNotes = (runs: PaintRun[]) => runs.map((run) => run.allNotesMs)
const shot = (who: string, notes: number) =>
  path.join(SCREENSHOTS, `bench-first-paint-${who}-${notes}.png`)

/** `runs` loads of our board and of the anchor, alternating; a failed load ends the row. */
async function paintRow(
  open: OpenBoard,
  runs: number,
  ourUrl: string,
  anchorUrl: string,
): Promise<FirstPaintRow> {
  const writes = await watchWrites(open.board)
  const ours: PaintRun[] = []
  const plain: PaintRun[] = []
  let error: string | undefined
  let writesOnFirstOpen: number | undefined
  try {
    for (let run = 0; run < runs; run++) {
      ours.push(...(await measureFirstPaint(ourUrl, open.notes, 1, shot('ours', open.notes))))
      if (run === 0) {
        // The elected fitter measures after first paint; give it time to write, once.
        await new Promise((resolve) => setTimeout(resolve, 2000))
        writesOnFirstOpen = writes.count()
      }
      plain.push(...(await measureFirstPaint(anchorUrl, open.notes, 1, shot('tldraw', open.notes))))
    }
    // Any later reader that refits would write after its first paint too.
    await new Promise((resolve) => setTimeout(resolve, 2000))
  } catch (failure) {
    error = String(failure).split('\n')[0]
  } finally {
    writes.stop()
  }
  return {
    notes: open.notes,
    oursMs: allNotes(ours),
    anchorMs: allNotes(plain),
    writesOnFirstOpen: writesOnFirstOpen ?? writes.count(),
    writesOnLaterOpens: writes.count() - (writesOnFirstOpen ?? writes.count()),
    ...(error ? { error } : {}),
  }
}

/**
 * First paint of our board and of a plain tldraw page loading the same records, for each
 * board size, alternating page loads so both see the same machine load; then one profiled
 * load of our largest board.
 */
export async function runFirstPaint(
  options: FirstPaintOptions,
  log: (line: string) => void,
): Promise<FirstPaintResult> {
  const anchorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-bench-anchor-'))
  const server = await startOurServer()
  try {
    log('  first paint: building the plain-tldraw anchor page')
    await buildAnchorPage(anchorDir)
    const boards: OpenBoard[] = []
    for (const notes of options.boards) {
      log(`  first paint: writing a ${notes}-note board`)
      boards.push(await openBoard(server, notes))
    }
    const anchor = await serveAnchorPage(
      anchorDir,
      Object.fromEntries(boards.map((b) => [String(b.notes), b.records])),
    )
    const ourUrl = ({ board }: OpenBoard) =>
      `${server.baseUrl}/b/${board.id}?token=${encodeURIComponent(board.sync.params.token ?? '')}`
    try {
      const rows: FirstPaintRow[] = []
      for (const open of boards) {
        log(`  first paint: ${open.notes} notes, ${options.runs} loads each, alternating`)
        rows.push(
          await paintRow(open, options.runs, ourUrl(open), anchor.pageUrl(String(open.notes))),
        )
      }
      const largest = boards[boards.length - 1]!
      log(`  first paint: profiling one load of the ${largest.notes}-note board`)
      const profile = await profileFirstPaint(ourUrl(largest), largest.notes).catch(
        (error: unknown) => {
          log(`  first paint: profile failed: ${String(error)}`)
          return []
        },
      )
      return { rows, profile }
    } finally {
      await anchor.close()
    }
  } finally {
    await server.stop()
    fs.rmSync(anchorDir, { recursive: true, force: true })
  }
}
