import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { BoardInfo } from '../../shared/contracts'
import { readRecords, writeRecords } from '../../shared/board/boardDoc'
import type { ImportedFactor } from '../../shared/factors/parseImport'
import { layoutFactors } from '../../shared/factors/layoutFactors'
import { findUnsortedArea } from '../../shared/templates/findUnsortedArea'
import { chromiumHarness } from '../support/chromiumHarness'
import { SCREENSHOTS, openBoard, personContext, seriousViolations } from '../support/pages'
import { connectProvider, whenSynced } from '../support/syncClients'
import { factorFixture, idCounter } from '../unit/factorFixture'

const harness = chromiumHarness()

/** Writes factors onto a board as a stock y-websocket client would, laid out like an import. */
async function seed(board: BoardInfo, factors: ImportedFactor[]) {
  const { doc, provider } = connectProvider(board.sync)
  await whenSynced(provider)
  const records = readRecords(doc)
  const notes = layoutFactors({
    factors,
    records,
    area: findUnsortedArea(records),
    newId: idCounter(`shape:seed${Math.random().toString(36).slice(2, 8)}`),
    now: Date.now(),
    author: 'Anna',
  })
  doc.transact(() => writeRecords(doc, notes))
  await new Promise((resolve) => setTimeout(resolve, 300))
  provider.destroy()
}

function frame(page: Page, name: string) {
  return page.locator('.tl-shape[data-shape-type="frame"]', { hasText: name })
}

function note(page: Page, text: string) {
  return page.locator('.tl-shape[data-shape-type="note"]', { hasText: text })
}

async function centre(locator: ReturnType<Page['locator']>, fx = 0.5, fy = 0.5) {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return { x: box.x + box.width * fx, y: box.y + box.height * fy }
}

/** Drags with the mouse in small steps, as a person would. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 20 })
  await page.waitForTimeout(400)
  await page.mouse.up()
}

describe('sorting factors into clusters in Chromium', () => {
  it(
    'shows a note dragged into a cluster in the other page’s counts, and polarity switched by key or click on both',
    { timeout: 60_000 },
    async () => {
      const board = await harness.server.createBoard({
        title: 'Grupp 2',
        template: 'key-areas',
        language: 'sv',
      })
      await seed(board, [
        { text: 'Ledningen saknar en gemensam bild', polarity: 'undecided' },
        { text: 'Vi har ingen tid avsatt för att lära oss', polarity: 'undecided' },
      ])
      const annaContext = await personContext(harness.browser, 'Anna')
      const bertilContext = await personContext(harness.browser, 'Bertil')
      const anna = await annaContext.newPage()
      const bertil = await bertilContext.newPage()
      await openBoard(anna, board.url)
      await openBoard(bertil, board.url)
      await anna.getByText('Osorterat: 2').waitFor()
      const counts = (page: Page) => frame(page, 'Ledarskap').getByTestId('cluster-counts')
      await expect(counts(bertil).getAttribute('aria-label')).resolves.toBe(
        '⊖ hämmande 0 · ⊕ främjande 0 · totalt 0',
      )

      const leadership = frame(anna, 'Ledarskap')
      await drag(
        anna,
        await centre(note(anna, 'Ledningen saknar'), 0.5, 0.75),
        await centre(leadership, 0.25, 0.6),
      )
      await bertil
        .locator('[aria-label="⊖ hämmande 1 · ⊕ främjande 0 · totalt 1"]')
        .waitFor({ timeout: 10_000 })
      await anna.getByText('Osorterat: 1').waitFor()
      await bertil.getByText('Osorterat: 1').waitFor()

      await anna.keyboard.press('Escape')
      await anna.mouse.click(...xy(await centre(note(anna, 'Vi har ingen tid'), 0.5, 0.8)))
      await anna.keyboard.press('p')
      for (const page of [anna, bertil]) {
        await note(page, 'Vi har ingen tid')
          .getByTestId('polarity-badge')
          .filter({ hasText: '⊖ hämmande' })
          .waitFor({ timeout: 10_000 })
      }
      await anna.keyboard.press('p')
      await note(bertil, 'Vi har ingen tid')
        .getByTestId('polarity-badge')
        .filter({ hasText: '⊕ främjande' })
        .waitFor({ timeout: 10_000 })

      await note(anna, 'Ledningen saknar').getByTestId('polarity-badge').click()
      await note(bertil, 'Ledningen saknar')
        .getByTestId('polarity-badge')
        .filter({ hasText: '⊕ främjande' })
        .waitFor({ timeout: 10_000 })

      expect(await seriousViolations(anna, '.factor-panel')).toEqual([])
      await annaContext.close()
      await bertilContext.close()
    },
  )

  it(
    'suggests clusters for unsorted notes and makes an accepted one, with an accessible panel',
    { timeout: 60_000 },
    async () => {
      const board = await harness.server.createBoard({
        title: 'Grupp 3',
        template: 'blank',
        language: 'sv',
      })
      const group = factorFixture.notes.filter((n) => n.group === factorFixture.groups[0]!.id)
      await seed(
        board,
        group.slice(0, 14).map((n) => ({ text: n.text, polarity: n.polarity })),
      )
      const context = await personContext(harness.browser, 'Cecilia')
      const page = await context.newPage()
      await openBoard(page, board.url)
      await page.getByText('Osorterat: 14').waitFor()

      await page.getByRole('button', { name: 'Föreslå kluster' }).click()
      await page.getByRole('heading', { name: 'Förslag på kluster' }).waitFor()
      const proposals = page.getByTestId('proposal')
      expect(await proposals.count()).toBeGreaterThan(0)
      const first = proposals.first()
      const members = await first.locator('.proposal-notes li').count()
      await first.getByLabel('Namn på förslag 1').fill('Tid och resurser')
      expect(await seriousViolations(page, '.factor-panel')).toEqual([])
      await page.screenshot({ path: `${SCREENSHOTS}cluster-suggestions.png` })

      await first.getByRole('button', { name: 'Skapa kluster' }).click()
      await page.getByText('Klustret "Tid och resurser" skapades.').waitFor()
      await page.getByText(`Osorterat: ${14 - members}`).waitFor()
      await frame(page, 'Tid och resurser').waitFor()
      await context.close()
    },
  )

  it(
    'shows the key-areas template with notes sorted into several clusters',
    { timeout: 60_000 },
    async () => {
      const board = await harness.server.createBoard({
        title: 'Grupp 1',
        template: 'key-areas',
        language: 'sv',
      })
      const names = new Map(factorFixture.keyAreas.map((area) => [area.id, area.sv]))
      const group = factorFixture.notes.filter((n) => n.group === factorFixture.groups[0]!.id)
      await seed(
        board,
        group.map((n, i) => ({
          text: n.text,
          polarity: n.polarity,
          ...(i % 6 === 5 ? {} : { cluster: names.get(n.keyArea) }),
        })),
      )
      const context = await personContext(harness.browser, 'Anna')
      const page = await context.newPage()
      await page.setViewportSize({ width: 1600, height: 1000 })
      await openBoard(page, board.url)
      await page.getByTestId('unsorted-count').waitFor()
      await page.waitForTimeout(800)
      await page.screenshot({ path: `${SCREENSHOTS}key-areas-sorted.png` })

      await page.mouse.click(...xy(await centre(frame(page, 'Ledarskap'), 0.5, 0.99)))
      await page.keyboard.press('Shift+2')
      await page.waitForTimeout(600)
      await page.screenshot({ path: `${SCREENSHOTS}key-areas-cluster.png` })
      await context.close()
    },
  )
})

describe('writing notes fast in Chromium', () => {
  it(
    'finishes a note with Enter, goes on with Tab or Ctrl+Enter, hides authors when anonymous, names a new cluster',
    { timeout: 60_000 },
    async () => {
      const board = await harness.server.createBoard({
        title: 'Grupp 4',
        template: 'blank',
        language: 'sv',
      })
      const context = await personContext(harness.browser, 'Cecilia')
      const page = await context.newPage()
      await openBoard(page, board.url)
      await page.keyboard.press('n')
      await page.mouse.click(300, 250)
      const editing = page.locator('.tl-rich-text [contenteditable="true"]')
      await editing.waitFor()
      await page.waitForTimeout(150)
      await page.keyboard.type('Första raden')
      await page.keyboard.press('Shift+Enter')
      await page.keyboard.type('andra raden')
      await page.keyboard.press('Tab')
      await page.waitForTimeout(300)
      await page.keyboard.type('Lapp bredvid')
      await page.keyboard.press('Control+Enter')
      await page.waitForTimeout(300)
      await page.keyboard.type('Lapp under')
      await page.keyboard.press('Enter')
      await editing.waitFor({ state: 'detached' })

      await page.getByText('Osorterat: 3').waitFor()
      const first = note(page, 'Första raden')
      await expect(first.innerText()).resolves.toContain('andra raden')
      const beside = await centre(note(page, 'Lapp bredvid'))
      const below = await centre(note(page, 'Lapp under'))
      const start = await centre(first)
      expect(beside.x).toBeGreaterThan(start.x + 50)
      expect(Math.abs(beside.y - start.y)).toBeLessThan(20)
      expect(below.y).toBeGreaterThan(beside.y + 50)
      expect(Math.abs(below.x - beside.x)).toBeLessThan(20)
      for (const text of ['Första raden', 'Lapp bredvid', 'Lapp under']) {
        await note(page, text)
          .getByTestId('polarity-badge')
          .filter({ hasText: '? ej bestämd' })
          .waitFor()
      }

      await page.mouse.move(...xy(await centre(note(page, 'Lapp under'), 0.5, 0.8)))
      await note(page, 'Lapp under')
        .getByTestId('factor-signature')
        .filter({ hasText: 'Skriven av Cecilia' })
        .waitFor()
      await page.screenshot({ path: `${SCREENSHOTS}notes-written-fast.png` })

      await page.getByLabel('Anonym tavla (visa inte vem som skrev)').check()
      await page.mouse.move(...xy(await centre(note(page, 'Lapp under'), 0.5, 0.8)))
      await note(page, 'Lapp under')
        .getByTestId('factor-signature')
        .filter({ hasText: /^Skriven / })
        .waitFor()
      expect(await page.getByText('Skriven av Cecilia').count()).toBe(0)

      await page.getByRole('button', { name: 'Nytt kluster' }).click()
      await page.locator('.tl-frame-name-input').waitFor()
      await page.keyboard.press('Control+a')
      await page.keyboard.type('Kompetens')
      await page.keyboard.press('Enter')
      await frame(page, 'Kompetens').getByTestId('cluster-counts').waitFor()
      await context.close()

      // Who wrote a note lives only in meta.author, which the board's anonymity and an erase
      // govern: tldraw's own attribution would put the person's name into the shared doc.
      const { doc, provider } = connectProvider(board.sync)
      await whenSynced(provider)
      const records = readRecords(doc)
      provider.destroy()
      expect(records.filter((r) => r.typeName === 'user')).toEqual([])
      const notes = records.filter((r) => r.type === 'note')
      expect(notes).toHaveLength(3)
      for (const written of notes) {
        expect((written.props as { textLastEditedBy?: unknown }).textLastEditedBy ?? null).toBe(
          null,
        )
      }
    },
  )
})

function xy(point: { x: number; y: number }): [number, number] {
  return [point.x, point.y]
}
