import path from 'node:path'
import Database from 'better-sqlite3'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { metaMap, writeRecords } from '../../shared/board/boardDoc'
import { frameShape, noteShape } from '../../shared/board/shapeRecords'
import type { BoardInfo } from '../../shared/contracts'
import { launchChromium } from '../support/browser'
import { onCanvas, openBoard, personContext, SCREENSHOTS } from '../support/pages'
import { startTestServer, type TestServer } from '../support/testServer'

/**
 * Issue 8: after hostile structure reached storage (written by an older server, or straight
 * into the database), the board still opens in a real browser with what it held, and a board
 * whose stored bytes cannot be read says so instead of loading forever.
 */

let server: TestServer
let browser: Browser
let broken: BoardInfo
let garbage: BoardInfo

const frame = (id: string, parentId: string, x: number) =>
  frameShape({ id, x, y: 0, index: 'a1', parentId }, { w: 400, h: 300, name: id, color: 'black' })

beforeAll(async () => {
  const first = await startTestServer()
  const dataDir = first.dataDir
  broken = await first.createBoard({ title: 'Förgiftad', template: 'blank' })
  garbage = await first.createBoard({ title: 'Trasig', template: 'blank' })
  await first.stop()

  const poison = new Y.Doc()
  writeRecords(poison, [
    frame('shape:self', 'shape:self', 0),
    frame('shape:a', 'shape:b', 500),
    frame('shape:b', 'shape:a', 1000),
    frame('shape:orphan', 'shape:missing', 1500),
    noteShape(
      { id: 'shape:kept', x: 40, y: 40, index: 'a2', parentId: 'shape:a' },
      { text: 'Vi saknar tid', color: 'yellow' },
    ),
    noteShape(
      { id: 'shape:free', x: 200, y: 500, index: 'a3' },
      { text: 'Tydligt uppdrag', color: 'yellow' },
    ),
  ])
  metaMap(poison).set('tldrawSchema', '{')
  const db = new Database(path.join(dataDir, 'samskapa.db'))
  db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)').run(
    broken.id,
    Buffer.from(Y.encodeStateAsUpdate(poison)),
  )
  db.prepare('UPDATE updates SET data = ? WHERE board_id = ?').run(
    Buffer.from([1, 2, 3, 250, 250, 250, 250]),
    garbage.id,
  )
  db.close()

  server = await startTestServer({}, dataDir)
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The board's link on the restarted server (same tokens, another port). */
const linkOn = (board: BoardInfo) =>
  `${server.url}${new URL(board.url).pathname}${new URL(board.url).search}`

describe('a board whose stored state was poisoned', () => {
  it('opens in Chromium with every note, the parent cycles broken', async () => {
    const context = await personContext(browser, 'Anna')
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await openBoard(page, linkOn(broken))
    await onCanvas(page, 'Vi saknar tid').waitFor({ timeout: 20_000 })
    await onCanvas(page, 'Tydligt uppdrag').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}poisoned-board.png` })
    // Every frame is on the canvas (as a frame heading), none hidden inside a cycle.
    for (const id of ['shape:self', 'shape:a', 'shape:b', 'shape:orphan']) {
      await onCanvas(page, id).first().waitFor()
    }
    expect(errors).toEqual([])
    await context.close()
  }, 90_000)

  it('says a board that cannot be read could not be opened, and stops retrying', async () => {
    const context = await personContext(browser, 'Bertil')
    const page = await context.newPage()
    let sockets = 0
    page.on('websocket', () => sockets++)
    await page.goto(linkOn(garbage))
    await page
      .getByRole('status')
      .getByText(
        'Tavlan kunde inte öppnas. Försök igen om en stund eller kontakta den som driftar Samskapa.',
      )
      .waitFor({ timeout: 20_000 })
    const seen = sockets
    await page.waitForTimeout(4000)
    expect(sockets).toBe(seen)
    await context.close()
  }, 60_000)
})
