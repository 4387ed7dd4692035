import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumHarness } from '../support/chromiumHarness'
import {
  SCREENSHOTS,
  onCanvas,
  openBoard,
  personContext,
  seriousViolations,
} from '../support/pages'
import { tokenQuery } from '../support/testServer'

const harness = chromiumHarness()

async function importCsv(boardId: string, csv: string) {
  const response = await fetch(
    `${harness.server.url}/api/boards/${boardId}/import${tokenQuery(boardId)}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: csv,
    },
  )
  expect(response.status).toBe(200)
}

/** Collects uncaught errors of a page, to prove an action threw nothing. */
function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** Whether an element's box lies wholly inside another's (both on screen). */
async function inside(page: Page, inner: string, outer: string) {
  return page.evaluate(
    ([innerSelector, outerSelector]) => {
      const a = document.querySelector(innerSelector!)?.getBoundingClientRect()
      const b = document.querySelector(outerSelector!)?.getBoundingClientRect()
      if (!a || !b) return false
      return a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom
    },
    [inner, outer],
  )
}

/** Whether two elements' boxes overlap on screen. */
async function overlap(page: Page, first: string, second: string) {
  return page.evaluate(
    ([a, b]) => {
      const r = document.querySelector(a!)?.getBoundingClientRect()
      const s = document.querySelector(b!)?.getBoundingClientRect()
      if (!r || !s || r.width === 0 || s.width === 0) return false
      return r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom
    },
    [first, second],
  )
}

/** Whether a text drawn on the canvas is inside the visible canvas (tldraw hides culled shapes). */
async function onScreen(page: Page, text: string | RegExp) {
  const box = await onCanvas(page, text).first().boundingBox()
  const canvas = await page.locator('.tl-canvas').boundingBox()
  if (!box || !canvas) return false
  return (
    box.x >= canvas.x &&
    box.y >= canvas.y &&
    box.x + box.width <= canvas.x + canvas.width &&
    box.y + box.height <= canvas.y + canvas.height
  )
}

/** Pans the canvas far away with the mouse wheel, as a person scrolling around would. */
async function panAway(page: Page) {
  const canvas = (await page.locator('.tl-canvas').boundingBox())!
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
  for (let i = 0; i < 10; i++) await page.mouse.wheel(3000, 3000)
  await page.waitForTimeout(300)
}

describe('the board’s chrome in Chromium', () => {
  it(
    'wraps dialog intros and import errors, clears its status line and moves the view to new content',
    { timeout: 90_000 },
    async () => {
      const board = await harness.server.createBoard({ template: 'key-areas', language: 'sv' })
      const page = await (await personContext(harness.browser, 'Anna')).newPage()
      await openBoard(page, board.url)

      await page.getByText('Verktyg', { exact: true }).click()
      await page.getByRole('button', { name: 'Importera' }).click()
      const intro = page.getByRole('dialog').locator('p.muted')
      await intro.waitFor()
      expect(await intro.evaluate((p) => getComputedStyle(p).whiteSpace)).toBe('normal')
      expect(await intro.evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true)
      await page.getByLabel('Lista att klistra in').fill('')
      await page.getByLabel('Eller välj en CSV-fil').setInputFiles({
        name: 'faktorer.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'text,polaritet\nBra,främjande\nDålig samverkan mellan förvaltningarna,kanske-hindrande-eller-inte\n',
        ),
      })
      await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click()
      const alert = page.getByRole('dialog').getByRole('alert')
      await alert.waitFor()
      expect(await alert.evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true)
      expect(await inside(page, 'dialog .error', 'dialog')).toBe(true)
      await page.screenshot({ path: `${SCREENSHOTS}chrome-import-error.png` })

      // A good import lands where the person is looking.
      await page.getByLabel('Eller välj en CSV-fil').setInputFiles({
        name: 'faktorer.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'text,polaritet,kluster\nVi delar verktyg,främjande,Importerat kluster\nFör lite tid,hämmande,Importerat kluster\n',
        ),
      })
      await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click()
      await page.getByRole('status').filter({ hasText: '2 faktorer importerades' }).waitFor()
      await expect.poll(() => onScreen(page, 'Vi delar verktyg'), { timeout: 10_000 }).toBe(true)

      // "Saved as template" goes away and never covers the connection pill.
      await page.getByText('Verktyg', { exact: true }).click()
      await page.getByRole('button', { name: 'Spara som mall' }).click()
      const saveIntro = page.getByRole('dialog').locator('p.muted')
      expect(await saveIntro.evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true)
      await page.screenshot({ path: `${SCREENSHOTS}chrome-save-dialog.png` })
      await page.getByLabel('Mallens namn').fill('Vår mall med ett långt namn som tar plats')
      await page.getByRole('button', { name: 'Spara mall' }).click()
      const saved = page.locator('.board-tools-status', { hasText: 'Tavlan är sparad som mallen' })
      await saved.waitFor()
      expect(await overlap(page, '.board-tools-status', '[data-testid="connection"]')).toBe(false)
      await page.screenshot({ path: `${SCREENSHOTS}chrome-saved-status.png` })
      await saved.waitFor({ state: 'detached', timeout: 20_000 })

      // An applied template and a new cluster are moved into view.
      await panAway(page)
      await page.getByText('Verktyg', { exact: true }).click()
      await page.getByRole('button', { name: 'Använd mall' }).click()
      await page
        .getByRole('dialog')
        .getByLabel('Mall', { exact: true })
        .selectOption({ label: 'Reflektion' })
      await page.getByRole('button', { name: 'Lägg till på tavlan' }).click()
      await page.getByRole('status').filter({ hasText: 'Mallen ”Reflektion” lades till' }).waitFor()
      await expect
        .poll(() => onScreen(page, 'Vad tar vi med oss hem?'), { timeout: 10_000 })
        .toBe(true)

      await page.keyboard.press('Escape')
      await panAway(page)
      await page.getByRole('button', { name: 'Nytt kluster' }).click()
      await page.keyboard.press('Escape')
      await expect.poll(() => onScreen(page, 'Nytt kluster'), { timeout: 10_000 }).toBe(true)
      await page.screenshot({ path: `${SCREENSHOTS}chrome-new-cluster.png` })
      await page.context().close()
    },
  )

  it('renames a cluster in the outline without an error, and closes the form', async () => {
    const board = await harness.server.createBoard({ template: 'key-areas', language: 'sv' })
    const page = await (await personContext(harness.browser, 'Bertil')).newPage()
    const errors = pageErrors(page)
    await openBoard(page, board.url)
    await page.getByRole('button', { name: 'Listvy' }).click()
    await page.getByRole('button', { name: 'Byt namn på klustret ”Ledarskap”' }).click()
    await page.getByLabel('Klustrets namn').fill('Ledarskap och styrning')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Ledarskap och styrning' }).waitFor()
    await page.getByRole('button', { name: 'Tavla' }).click()
    await onCanvas(page, 'Ledarskap och styrning').waitFor()
    expect(await page.getByLabel('Klustrets namn').count()).toBe(0)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('names the note in each polarity badge’s label', async () => {
    const board = await harness.server.createBoard({ template: 'blank', language: 'sv' })
    await importCsv(board.id, 'text,polarity\nLedningen saknar en gemensam bild,hindering\n')
    const page = await (await personContext(harness.browser, 'Cecilia')).newPage()
    await openBoard(page, board.url)
    const badge = page.getByTestId('polarity-badge')
    await badge.waitFor()
    expect(await badge.getAttribute('aria-label')).toBe(
      'Polaritet för ”Ledningen saknar en gemensam bild”: hämmande. Klicka för att byta.',
    )
    await page.context().close()
  })

  it('keeps long Swedish compound words whole on a note', async () => {
    const board = await harness.server.createBoard({ template: 'blank', language: 'sv' })
    await importCsv(
      board.id,
      'text,polarity\nKompetensutvecklingsinsatser saknas i verksamhetsutvecklingen,hindering\n',
    )
    const page = await (await personContext(harness.browser, 'Dana')).newPage()
    await openBoard(page, board.url)
    const text = onCanvas(page, /Kompetensutvecklingsinsatser/)
    await text.waitFor()
    // Each line break falls between words: no word is split over two lines. An imported note
    // is fitted to its text by the board's elected client after first paint: wait for it.
    const lines = () =>
      text.evaluate((element) => {
        const range = document.createRange()
        const node = element.querySelector('p')?.firstChild ?? element.firstChild!
        const content = node.textContent ?? ''
        const tops: { top: number; char: string }[] = []
        for (let i = 0; i < content.length; i++) {
          range.setStart(node, i)
          range.setEnd(node, i + 1)
          const rect = range.getClientRects()[0]
          if (rect) tops.push({ top: Math.round(rect.top), char: content[i]! })
        }
        const words: string[] = []
        let line = ''
        let top = tops[0]?.top
        for (const { top: t, char } of tops) {
          if (t !== top) {
            words.push(line)
            line = ''
            top = t
          }
          line += char
        }
        words.push(line)
        return words
      })
    await expect
      .poll(async () => (await lines()).slice(0, -1).filter((line) => !/\s$/.test(line)), {
        timeout: 20_000,
      })
      .toEqual([])
    await page.screenshot({ path: `${SCREENSHOTS}chrome-compound-words.png` })
    await page.context().close()
  })

  it('keeps tldraw’s style panel off the board’s right edge until there is something to style', async () => {
    const board = await harness.server.createBoard({
      template: 'hindering-enabling',
      language: 'sv',
    })
    const page = await (await personContext(harness.browser, 'Erik')).newPage()
    await openBoard(page, board.url)
    await onCanvas(page, /Främjande faktorer/).waitFor()
    await page.waitForTimeout(500)
    const covered = await page.evaluate(() => {
      const panel = document.querySelector('.tlui-style-panel')?.getBoundingClientRect()
      if (!panel) return []
      return [...document.querySelectorAll('[data-shape-type="frame"]')]
        .map((frame) => frame.getBoundingClientRect())
        .filter((r) => r.left < panel.right && panel.left < r.right && r.top < panel.bottom)
        .filter((r) => panel.top < r.bottom)
    })
    expect(covered).toEqual([])
    await page.screenshot({ path: `${SCREENSHOTS}chrome-board-right-edge.png` })
    // With a drawing tool in hand the styles are there to choose.
    await page.keyboard.press('d')
    await page.locator('.tlui-style-panel').waitFor()
    await page.context().close()
  })

  it(
    'lets an iPad in portrait fold the sorting panel, and keeps its top bar on screen',
    { timeout: 60_000 },
    async () => {
      const board = await harness.server.createBoard({
        title: 'Grupp 3 – Skola och lärande',
        template: 'hindering-enabling',
        language: 'sv',
      })
      const context = await personContext(harness.browser, 'Erik')
      const page = await context.newPage()
      await page.setViewportSize({ width: 1024, height: 1366 })
      await openBoard(page, board.url)
      await onCanvas(page, /Främjande faktorer/).waitFor()
      const bar = await page.evaluate(() => ({
        languageRight: document.querySelector('.language-switch')!.getBoundingClientRect().right,
        titleFits: (() => {
          const title = document.querySelector('.board-title')!
          return title.scrollWidth <= title.clientWidth
        })(),
      }))
      expect(bar.languageRight).toBeLessThanOrEqual(1024)
      expect(bar.titleFits).toBe(true)
      await page.getByRole('button', { name: 'Dölj sorteringen' }).click()
      await page.getByRole('button', { name: /Visa sorteringen/ }).waitFor()
      const panelWidth = await page
        .locator('.factor-panel')
        .evaluate((panel) => panel.getBoundingClientRect().width)
      expect(panelWidth).toBeLessThan(60)
      expect(await seriousViolations(page, '.factor-panel')).toEqual([])
      await page.screenshot({ path: `${SCREENSHOTS}ipad-sorting-folded.png` })
      await page.getByRole('button', { name: /Visa sorteringen/ }).click()
      await page.getByTestId('unsorted-count').waitFor()
      await page.screenshot({ path: `${SCREENSHOTS}ipad-sorting-open.png` })
      await context.close()
    },
  )
})
