import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, openBoard, personContext, seriousViolations } from '../support/pages'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The clock as a page shows it, in seconds. */
async function clockSeconds(page: Page): Promise<number> {
  const text = await page.getByTestId('timer-clock').first().innerText()
  const [minutes, seconds] = text.split(':').map(Number)
  return minutes! * 60 + seconds!
}

describe('running the day in Chromium', () => {
  it(
    'shows one clock on two pages (also after a reload), the step, and the room screen',
    { timeout: 120_000 },
    async () => {
      const created = await createWorkshop(server.url, {
        title: 'Träff 3',
        groups: 2,
        language: 'sv',
      })
      const f = tokenOf(created.links.facilitator)
      await call(
        server.url,
        'POST',
        `/api/workshops/${created.id}/step`,
        { token: f },
        { next: true },
      )
      const context = await personContext(browser, 'Samtalsledaren')
      const board = await context.newPage()
      await openBoard(board, created.boards[0]!.url)
      await board.getByText('Nu: Inledning').waitFor()
      await board.getByText('Sedan: Skriv enskilt').waitFor()

      const overview = await context.newPage()
      await overview.goto(created.links.facilitator)
      await overview.getByRole('heading', { name: 'Timer' }).waitFor()
      await overview.getByLabel('Minuter', { exact: true }).fill('7')
      await overview.getByLabel('Vad timern gäller (valfritt)').fill('Skriv enskilt')
      await overview.getByRole('button', { name: 'Starta', exact: true }).click()
      await overview.getByRole('button', { name: 'Pausa' }).waitFor()
      await board.getByTestId('timer-clock').waitFor()
      expect(
        Math.abs((await clockSeconds(board)) - (await clockSeconds(overview))),
      ).toBeLessThanOrEqual(1)
      expect(await clockSeconds(board)).toBeGreaterThan(6 * 60)

      await board.reload()
      await board.getByTestId('timer-clock').waitFor({ timeout: 20_000 })
      expect(
        Math.abs((await clockSeconds(board)) - (await clockSeconds(overview))),
      ).toBeLessThanOrEqual(1)
      // Polite, and not a live region that would read every second.
      expect(await board.getByRole('timer').getAttribute('aria-live')).toBeNull()
      await board.getByRole('status').filter({ hasText: 'Timern har startat' }).waitFor()

      // Nästa steg on the board moves the whole workshop; the overview follows live.
      await board.getByRole('button', { name: 'Nästa steg' }).click()
      await overview.getByText('Nu: Skriv enskilt').first().waitFor()
      expect(await seriousViolations(overview, '.facilitator-side')).toEqual([])
      expect(await seriousViolations(board, '.day-bar')).toEqual([])
      await overview.screenshot({ path: `${SCREENSHOTS}day-overview.png`, fullPage: true })

      const room = await context.newPage()
      await room.setViewportSize({ width: 1280, height: 720 })
      await room.goto(`${server.url}/w/${created.id}/room?token=${f}`)
      await room.getByTestId('room-screen').waitFor()
      await room.getByRole('heading', { name: 'Skriv enskilt' }).waitFor()
      expect(
        Math.abs((await clockSeconds(room)) - (await clockSeconds(board))),
      ).toBeLessThanOrEqual(1)
      expect(await seriousViolations(room)).toEqual([])
      await room.screenshot({ path: `${SCREENSHOTS}day-room-screen.png` })

      // At zero with "pause input": the signal shows on the room screen.
      await call(
        server.url,
        'POST',
        `/api/workshops/${created.id}/timer`,
        { token: f },
        {
          seconds: 1,
          label: 'Skriv enskilt',
          pauseInputAtEnd: true,
        },
      )
      await room
        .locator('.timer-done-text')
        .filter({ hasText: 'Tiden är ute' })
        .waitFor({ timeout: 15_000 })
      await room.screenshot({ path: `${SCREENSHOTS}day-room-screen-done.png` })
      await context.close()
    },
  )
})
