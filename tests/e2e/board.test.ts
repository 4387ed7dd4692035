import { describe, expect, it } from 'vitest'
import { chromiumHarness } from '../support/chromiumHarness'
import {
  SCREENSHOTS,
  addNote,
  onCanvas,
  openBoard,
  personContext,
  seriousViolations,
  watchRequests,
} from '../support/pages'

const harness = chromiumHarness()

describe('the shared board in Chromium', () => {
  it('creates a board from the lobby, in Swedish, with no serious accessibility finding', async () => {
    const context = await harness.browser.newContext({
      locale: 'sv-SE',
      viewport: { width: 1280, height: 800 },
    })
    const origins = watchRequests(context)
    const page = await context.newPage()
    await page.goto(harness.server.url)
    await expect(page.getByRole('heading', { name: 'Skapa en tavla' }).isVisible()).resolves.toBe(
      true,
    )
    expect(await seriousViolations(page)).toEqual([])

    await page.getByLabel('Tavlans namn').fill('Grupp 3 – Skola och lärande')
    await page.getByLabel('Mall').selectOption('hindering-enabling')
    await page.getByRole('button', { name: 'Skapa tavla' }).click()
    await page.getByRole('link', { name: 'Öppna tavlan' }).waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}lobby.png` })

    await page.getByRole('link', { name: 'Öppna tavlan' }).click()
    await page.getByLabel('Visningsnamn').fill('Anna')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.tl-canvas')
    await onCanvas(page, /Hämmande faktorer/).waitFor()
    expect(await seriousViolations(page, '.board-bar')).toEqual([])
    expect([...origins]).toEqual([new URL(harness.server.url).host])
    await context.close()
  })

  it('shows a 404 page for an unknown board', async () => {
    const page = await harness.browser.newPage({ locale: 'en-GB' })
    await page.goto(`${harness.server.url}/b/unknownboard1`)
    await page.getByRole('heading', { name: 'This board does not exist' }).waitFor()
    await page.close()
  })

  it(
    'shows a note typed on one page on the other, keeps it on reload, and syncs offline edits',
    { timeout: 90_000 },
    async () => {
      const board = await harness.server.createBoard({
        title: 'Grupp 1',
        template: 'hindering-enabling',
      })
      const annaContext = await personContext(harness.browser, 'Anna')
      const bertilContext = await personContext(harness.browser, 'Bertil')
      const origins = watchRequests(annaContext)
      const anna = await annaContext.newPage()
      const bertil = await bertilContext.newPage()
      await openBoard(anna, board.url)
      await openBoard(bertil, board.url)

      await addNote(anna, { x: 640, y: 300 }, 'Ledningen saknar en gemensam bild')
      await onCanvas(bertil, 'Ledningen saknar en gemensam bild').waitFor({ timeout: 10_000 })

      await bertil.reload()
      await bertil.waitForSelector('.tl-canvas')
      await onCanvas(bertil, 'Ledningen saknar en gemensam bild').waitFor()

      await anna.waitForSelector('html[data-offline-ready]', { state: 'attached', timeout: 20_000 })
      await annaContext.setOffline(true)
      await anna.getByText(/^\S? ?Offline/).waitFor()
      await addNote(anna, { x: 640, y: 520 }, 'Vi vågar göra fel')
      await anna.getByText(/inte sparad/).waitFor()
      await anna.reload()
      await anna.waitForSelector('.tl-canvas')
      await onCanvas(anna, 'Vi vågar göra fel').waitFor()
      await anna.screenshot({ path: `${SCREENSHOTS}board-offline.png` })

      await annaContext.setOffline(false)
      await onCanvas(bertil, 'Vi vågar göra fel').waitFor({ timeout: 15_000 })
      await anna.getByText('allt är sparat').waitFor({ timeout: 15_000 })
      await bertil.screenshot({ path: `${SCREENSHOTS}board-with-notes.png` })
      expect(await onCanvas(bertil, 'Vi vågar göra fel').count()).toBe(1)
      expect([...origins]).toEqual([new URL(harness.server.url).host])
      await annaContext.close()
      await bertilContext.close()
    },
  )
})
