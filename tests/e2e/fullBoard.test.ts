import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { recordsMap } from '../../shared/board/boardDoc'
import type { SyncInfo } from '../../shared/contracts'
import { launchChromium } from '../support/browser'
import { fillBoard } from '../support/fillBoard'
import { addNote, personContext } from '../support/pages'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'

/** More than tldraw's own 4,000 shapes a page, which would refuse the next note by default. */
const NOTES = 5000
/** What a blank board holds before any note: its document and page records. */
const BLANK_RECORDS = 2
/** The 5,000 notes and room for exactly one more. */
const MAX_RECORDS = BLANK_RECORDS + NOTES + 1

let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startTestServer({ MAX_RECORDS_PER_BOARD: String(MAX_RECORDS) })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const notesOn = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]').count()

/** The records of the board as the server's loaded room holds them. */
function storedRecords(boardId: string) {
  const room = server.rooms.get(boardId)
  return room ? recordsMap(room.doc).size : -1
}

/** The records a newly joined client receives: the board as the server holds it. */
async function recordsServed(sync: SyncInfo) {
  const reader = connectProvider(sync, new Y.Doc())
  await whenSynced(reader.provider)
  const size = recordsMap(reader.doc).size
  reader.provider.destroy()
  return size
}

/** Chooses the note tool and clicks where a note would go, as `addNote` does, once. */
async function tryNote(page: Page, at: { x: number; y: number }) {
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  await page.mouse.click(at.x, at.y)
}

describe('a full board in Chromium', () => {
  it(
    'opens with 5,000 notes, takes one more up to the limit, and says why past it',
    { timeout: 120_000 },
    async () => {
      const board = await server.createBoard({ title: 'Full tavla', template: 'blank' })
      expect(await recordsServed(board.sync)).toBe(BLANK_RECORDS)
      // Tall and narrow: fitted to the view it leaves empty canvas on both sides to click on.
      await fillBoard(board.sync, NOTES, { columns: 40 })

      const context = await personContext(browser, 'Anna')
      const page = await context.newPage()
      await page.goto(board.url)
      await page.waitForSelector('.tl-canvas', { timeout: 45_000 })
      // Every note is in tldraw's store (the canvas keeps a node for each, seen or culled).
      await waitFor(async () => (await notesOn(page)) === NOTES, 30_000)

      await addNote(page, { x: 120, y: 400 }, 'En till')
      await waitFor(() => storedRecords(board.id) === MAX_RECORDS, 10_000)
      expect(await notesOn(page)).toBe(NOTES + 1)

      // One past the limit: the page keeps it out and says so, and stays connected.
      await tryNote(page, { x: 120, y: 600 })
      const full = page.getByRole('alert').filter({ hasText: 'Tavlan är full' })
      await full.waitFor({ timeout: 10_000 })
      expect(await full.textContent()).toContain(MAX_RECORDS.toLocaleString('sv-SE'))
      await waitFor(async () => (await notesOn(page)) === NOTES + 1, 5_000)
      expect(storedRecords(board.id)).toBe(MAX_RECORDS)
      await page.getByText('allt är sparat').waitFor()
      await page.getByRole('button', { name: 'Stäng' }).click()
      await full.waitFor({ state: 'detached' })

      await context.close()
    },
  )

  it(
    'says so when the server refuses a change for a full board, and syncs again once there is room',
    { timeout: 60_000 },
    async () => {
      // A page that believes the board holds more than the server allows: a config its
      // service worker kept from before the operator lowered MAX_RECORDS_PER_BOARD.
      const small = await startTestServer({ MAX_RECORDS_PER_BOARD: '100' })
      try {
        const board = await small.createBoard({ title: 'Liten tavla', template: 'blank' })
        await fillBoard(board.sync, 100 - BLANK_RECORDS, { columns: 5, prefix: 'small' })
        const context = await personContext(browser, 'Anna')
        await context.route('**/api/config', async (route) => {
          const config = (await (await route.fetch()).json()) as Record<string, unknown>
          await route.fulfill({ json: { ...config, maxRecordsPerBoard: 1000 } })
        })
        const page = await context.newPage()
        await page.goto(board.url)
        await page.waitForSelector('.tl-canvas', { timeout: 45_000 })
        await page.getByText('allt är sparat').waitFor({ timeout: 15_000 })

        await addNote(page, { x: 120, y: 400 }, 'För mycket')
        const refused = page.getByRole('alert').filter({ hasText: 'Servern tog inte emot' })
        await refused.waitFor({ timeout: 10_000 })
        expect(await recordsServed(board.sync)).toBe(100)

        // Deleting what it added makes room for the rest: the page syncs again.
        await page.keyboard.press('Delete')
        await page.getByRole('button', { name: 'Försök igen' }).click()
        await refused.waitFor({ state: 'detached' })
        await page.getByText('allt är sparat').waitFor({ timeout: 15_000 })
        await context.close()
      } finally {
        await small.stop()
      }
    },
  )
})
