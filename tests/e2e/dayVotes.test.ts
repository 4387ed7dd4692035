import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readRecord, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { CreatedWorkshop } from '../../shared/workshopContracts'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, onCanvas, personContext, seriousViolations } from '../support/pages'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { participantPage } from '../support/participantPages'
import { createWorkshop } from '../support/workshopClients'

let server: TestServer
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchChromium()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.stop()
})

/** Notes written straight into a board's doc, as if a group had written them. */
async function writeNotes(workshop: CreatedWorkshop, boardIndex: number, texts: string[]) {
  const board = workshop.boards[boardIndex]!
  const client = connectProvider(board.sync)
  await whenSynced(client.provider)
  writeRecords(
    client.doc,
    texts.map((text, i) =>
      noteShape(
        // Above the template's areas (a1–a4): a note sharing an area's index lies under or
        // over it by the order the doc happened to load, and a click may land on the area.
        { id: `shape:n${boardIndex}-${i}`, x: i * 260, y: 0, index: `a${i + 5}` },
        { text, color: 'yellow' },
      ),
    ),
  )
  const last = `shape:n${boardIndex}-${texts.length - 1}`
  await waitFor(() => {
    const doc = server.rooms.get(board.id)?.doc
    return doc !== undefined && readRecord(doc, last) !== undefined
  })
  client.provider.destroy()
}

const remaining = (page: Page) => page.getByTestId('vote-remaining')

describe('dot voting in Chromium', () => {
  it(
    'votes by click and by keyboard, keeps the tally hidden until close, then ranks it',
    { timeout: 180_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 4',
        groups: 2,
        language: 'sv',
      })
      await writeNotes(workshop, 0, ['Tid för möten', 'Gemensam budget'])
      await writeNotes(workshop, 1, ['Delad IT-plattform'])
      const anna = await participantPage(browser, server.url, workshop, 0, 'Anna', contexts)
      const bertil = await participantPage(browser, server.url, workshop, 1, 'Bertil', contexts)
      await onCanvas(anna, 'Tid för möten').waitFor({ timeout: 20_000 })
      await onCanvas(bertil, 'Delad IT-plattform').waitFor({ timeout: 20_000 })

      const facilitator = await (await personContext(browser, 'Samtalsledaren')).newPage()
      contexts.push(facilitator.context())
      await facilitator.goto(workshop.links.facilitator)
      const panel = facilitator.locator('.vote-panel')
      await panel.getByLabel('Röster per person').fill('3')
      await panel.getByLabel('Högst per lapp eller kluster (valfritt)').fill('2')
      await panel.getByRole('button', { name: 'Starta röstningen' }).click()
      await facilitator.getByTestId('active-vote').waitFor()

      // Click on the canvas: one vote each; the budget and the cap are the server's.
      await remaining(anna).filter({ hasText: 'Du har 3 röster kvar' }).waitFor()
      await onCanvas(anna, 'Tid för möten').click()
      await remaining(anna).filter({ hasText: 'Du har 2 röster kvar' }).waitFor()
      await onCanvas(anna, 'Tid för möten').click()
      await remaining(anna).filter({ hasText: 'Du har 1 röst kvar' }).waitFor()
      // A third on the same note passes the cap of two: refused, nothing spent.
      await onCanvas(anna, 'Tid för möten').click()
      await anna.getByRole('alert').filter({ hasText: /\S/ }).waitFor()
      await expect.poll(() => remaining(anna).innerText()).toBe('Du har 1 röst kvar')
      await anna.getByTestId('vote-badge').filter({ hasText: 'Du: 2' }).waitFor()
      await onCanvas(bertil, 'Delad IT-plattform').click()
      await remaining(bertil).filter({ hasText: 'Du har 2 röster kvar' }).waitFor()

      // Hidden: the facilitator sees no tally, nor do the boards.
      await expect(facilitator.getByTestId('active-vote').innerText()).resolves.toContain(
        'Resultatet visas när röstningen avslutas',
      )
      await anna.screenshot({ path: `${SCREENSHOTS}vote-in-progress.png` })

      // The outline by keyboard: the last vote goes to the other note.
      await anna.getByRole('button', { name: 'Listvy' }).click()
      const add = anna.getByRole('button', { name: 'Rösta på Gemensam budget' })
      await add.focus()
      await anna.keyboard.press('Enter')
      await remaining(anna).filter({ hasText: 'Du har 0 röster kvar' }).waitFor()
      await anna.getByRole('status').filter({ hasText: 'Röst lagd på Gemensam budget' }).waitFor()
      expect(await seriousViolations(anna, '.outline')).toEqual([])
      expect(await seriousViolations(anna, '.day-bar')).toEqual([])
      // And take it back again, and once more forward.
      await anna.getByRole('button', { name: 'Ta tillbaka en röst från Gemensam budget' }).click()
      await remaining(anna).filter({ hasText: 'Du har 1 röst kvar' }).waitFor()
      await add.click()
      await remaining(anna).filter({ hasText: 'Du har 0 röster kvar' }).waitFor()
      await anna.screenshot({ path: `${SCREENSHOTS}vote-outline.png` })
      for (const [name, size] of [
        ['phone', { width: 390, height: 844 }],
        ['ipad', { width: 1024, height: 1366 }],
      ] as const) {
        await anna.setViewportSize(size)
        await anna.screenshot({ path: `${SCREENSHOTS}vote-outline-${name}.png` })
      }
      await anna.setViewportSize({ width: 1280, height: 800 })
      await anna.getByRole('button', { name: 'Tavla' }).click()
      for (const [name, size] of [
        ['phone', { width: 390, height: 844 }],
        ['ipad', { width: 1024, height: 1366 }],
      ] as const) {
        await bertil.setViewportSize(size)
        await bertil.screenshot({ path: `${SCREENSHOTS}vote-in-progress-${name}.png` })
      }
      await bertil.setViewportSize({ width: 1280, height: 800 })
      expect(await seriousViolations(facilitator, '.vote-panel')).toEqual([])

      await facilitator.getByRole('button', { name: 'Avsluta röstningen' }).click()
      const results = facilitator.locator('.vote-panel').getByTestId('vote-results')
      await results.waitFor()
      const rows = await results.locator('li').allInnerTexts()
      expect(rows).toEqual([
        '2 röster Tid för möten · Grupp 1',
        '1 röst Delad IT-plattform · Grupp 2',
        '1 röst Gemensam budget · Grupp 1',
      ])
      expect(await seriousViolations(facilitator, '.vote-panel')).toEqual([])
      await facilitator.locator('.vote-panel').screenshot({ path: `${SCREENSHOTS}vote-result.png` })

      // Every board shows its counts on the notes, and its own ranked result.
      await anna.getByTestId('vote-badge').filter({ hasText: /^● 2$/ }).waitFor()
      await anna.getByTestId('vote-badge').filter({ hasText: /^● 1$/ }).waitFor()
      await anna.getByText('Röstningen är avslutad – Resultat').click()
      await expect
        .poll(() => anna.getByTestId('vote-bar').getByTestId('vote-results').locator('li').count())
        .toBe(2)
      expect(await seriousViolations(anna, '.day-bar')).toEqual([])
      await anna.screenshot({ path: `${SCREENSHOTS}vote-result-board.png` })
      await anna.setViewportSize({ width: 390, height: 844 })
      await anna.screenshot({ path: `${SCREENSHOTS}vote-result-board-phone.png` })
    },
  )
})
