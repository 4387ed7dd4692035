import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Outcome } from '../../shared/factors'
import { chromiumHarness } from '../support/chromiumHarness'
import {
  SCREENSHOTS,
  onCanvas,
  openBoard,
  personContext,
  seriousViolations,
} from '../support/pages'
import { tokenQuery } from '../support/testServer'
import { factorFixture } from '../unit/factorFixture'

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

async function outcome(boardId: string) {
  const response = await fetch(
    `${harness.server.url}/api/boards/${boardId}/outcome${tokenQuery(boardId)}`,
  )
  return (await response.json()) as Outcome
}

function clusterHolding(result: Outcome, text: string) {
  for (const cluster of result.clusters) {
    for (const polarity of ['hindering', 'enabling', 'undecided'] as const) {
      if (cluster[polarity].some((f) => f.text === text)) return { name: cluster.name, polarity }
    }
  }
  return result.unsorted.some((f) => f.text === text) ? { name: '', polarity: '' } : undefined
}

async function showOutline(page: Page) {
  await page.getByRole('button', { name: 'Listvy' }).click()
  await page.getByRole('heading', { name: 'Listvy', level: 2 }).waitFor()
}

interface FocusTarget {
  text?: string
  idEndsWith?: string
  labelStartsWith?: string
}

/** Presses Tab until the focused element matches, as a keyboard-only person would. */
async function tabTo(page: Page, target: FocusTarget) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab')
    const found = await page.evaluate(({ text, idEndsWith, labelStartsWith }) => {
      const active = document.activeElement
      if (!active) return false
      if (text !== undefined && active.textContent !== text) return false
      if (idEndsWith !== undefined && !active.id.endsWith(idEndsWith)) return false
      const label = active.getAttribute('aria-label') ?? ''
      return labelStartsWith === undefined || label.startsWith(labelStartsWith)
    }, target)
    if (found) return
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`)
}

describe('the outline view in Chromium', () => {
  it(
    'shows an edit made in one person’s outline on another person’s canvas',
    { timeout: 60_000 },
    async () => {
      const board = await harness.server.createBoard({ template: 'design-process', language: 'sv' })
      await importCsv(board.id, 'text,polarity\nFå möten över gränserna,hindering\n')
      const anna = await (await personContext(harness.browser, 'Anna')).newPage()
      const bertil = await (await personContext(harness.browser, 'Bertil')).newPage()
      await openBoard(anna, board.url)
      await openBoard(bertil, board.url)
      await onCanvas(bertil, 'Få möten över gränserna').waitFor()

      await showOutline(anna)
      await anna.getByRole('button', { name: 'Ändra ”Få möten över gränserna”' }).click()
      const form = anna.locator('form.factor-edit')
      await form.getByLabel('Text', { exact: true }).fill('Gemensamma möten över gränserna')
      await form.getByRole('radio', { name: 'främjande' }).check()
      await form.getByLabel('Flytta till').selectOption({ label: 'Samskapa' })
      await form.getByRole('button', { name: 'Spara', exact: true }).click()

      await onCanvas(bertil, 'Gemensamma möten över gränserna').waitFor({ timeout: 10_000 })
      expect(await onCanvas(bertil, 'Få möten över gränserna').count()).toBe(0)
      expect(clusterHolding(await outcome(board.id), 'Gemensamma möten över gränserna')).toEqual({
        name: 'Samskapa',
        polarity: 'enabling',
      })
      // Bertil's own outline, built from his copy of the doc, agrees.
      await showOutline(bertil)
      const samskapa = bertil.getByRole('region', { name: 'Samskapa' })
      await samskapa.getByText('Gemensamma möten över gränserna').waitFor()
      expect(await samskapa.getByRole('heading', { name: /Främjande \(1\)/ }).count()).toBe(1)

      await bertil.getByRole('button', { name: 'Tavla' }).click()
      await anna.getByRole('button', { name: 'Byt namn på klustret ”Prototypa”' }).click()
      await anna.getByLabel('Klustrets namn').fill('Prototyper')
      await anna.keyboard.press('Enter')
      await onCanvas(bertil, 'Prototyper').waitFor({ timeout: 10_000 })
      await bertil.screenshot({ path: `${SCREENSHOTS}outline-edit-on-canvas.png` })
      await anna.context().close()
      await bertil.context().close()
    },
  )

  it(
    'lets a keyboard-only person add a factor, set its polarity and move it to a cluster',
    { timeout: 60_000 },
    async () => {
      const board = await harness.server.createBoard({ template: 'design-process', language: 'sv' })
      const page = await (await personContext(harness.browser, 'Cecilia')).newPage()
      await openBoard(page, board.url)
      await page.locator('body').focus()

      await tabTo(page, { text: 'Listvy' })
      await page.keyboard.press('Enter')
      await tabTo(page, { idEndsWith: '-text' })
      await page.keyboard.type('Ingen tid för att testa nytt')
      await page.keyboard.press('Tab')
      // The radio group starts at "ej bestämd"; two steps back reach "hämmande".
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await page.getByRole('status').filter({ hasText: 'är tillagd i Osorterat' }).waitFor()
      expect(clusterHolding(await outcome(board.id), 'Ingen tid för att testa nytt')).toEqual({
        name: '',
        polarity: '',
      })

      await tabTo(page, { labelStartsWith: 'Ändra ”Ingen tid' })
      await page.keyboard.press('Enter')
      await page.keyboard.press('Tab')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('Tab')
      await page.keyboard.type('Prototypa')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')

      await page.getByRole('status').filter({ hasText: 'i Prototypa' }).waitFor()
      // The status is this browser's; the server has the change once it has synced.
      await expect
        .poll(async () => clusterHolding(await outcome(board.id), 'Ingen tid för att testa nytt'))
        .toEqual({ name: 'Prototypa', polarity: 'enabling' })
      // Focus follows the factor to its new place, so the person can go on from there.
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
      expect(focused).toBe('Ändra ”Ingen tid för att testa nytt”')
      expect(
        await page
          .getByRole('region', { name: 'Prototypa' })
          .getByText('Ingen tid för att testa nytt')
          .count(),
      ).toBe(1)
      await page.context().close()
    },
  )

  it(
    'reads a sorted board calmly, with no serious accessibility finding',
    { timeout: 60_000 },
    async () => {
      const board = await harness.server.createBoard({
        title: 'Grupp 1 – Skola och lärande',
        template: 'key-areas',
        language: 'sv',
      })
      const group = factorFixture.groups[0]!.id
      const names = new Map(factorFixture.keyAreas.map((area) => [area.id, area.sv]))
      const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`
      const notes = factorFixture.notes.filter((note) => note.group === group)
      const rows = notes.map((note, i) =>
        [note.text, note.polarity, i % 6 === 5 ? '' : names.get(note.keyArea)!]
          .map(quote)
          .join(','),
      )
      await importCsv(board.id, ['text,polarity,cluster', ...rows].join('\n'))

      const context = await personContext(harness.browser, 'Dana')
      const page = await context.newPage()
      await page.setViewportSize({ width: 1280, height: 900 })
      await openBoard(page, board.url)
      await showOutline(page)
      await page.getByRole('region', { name: 'Ledarskap' }).waitFor()
      expect(await seriousViolations(page, '.outline')).toEqual([])
      expect(await seriousViolations(page, '.board-bar')).toEqual([])
      await page.screenshot({ path: `${SCREENSHOTS}outline.png` })

      await page.getByText('Verktyg', { exact: true }).click()
      await page.getByRole('button', { name: 'Importera' }).click()
      await page.getByLabel('Eller välj en CSV-fil').setInputFiles({
        name: 'faktorer.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('text,polaritet\nBra,främjande\nDålig,kanske\n'),
      })
      await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click()
      const alert = page.getByRole('dialog').getByRole('alert')
      await alert.waitFor()
      expect(await alert.textContent()).toMatch(
        /Inget importerades\. Rad 3: okänd polaritet "kanske"/,
      )
      expect(await seriousViolations(page, 'dialog')).toEqual([])
      await page.screenshot({ path: `${SCREENSHOTS}import-dialog.png` })
      await page.keyboard.press('Escape')

      const before = (await outcome(board.id)).clusters.length
      await page.getByText('Verktyg', { exact: true }).click()
      await page.getByRole('button', { name: 'Använd mall' }).click()
      await page.getByRole('dialog').getByLabel('Mall').selectOption({ label: 'Reflektion' })
      await page.getByRole('button', { name: 'Lägg till på tavlan' }).click()
      await page.getByRole('status').filter({ hasText: 'Mallen ”Reflektion” lades till' }).waitFor()
      await page.getByRole('region', { name: 'Vad tar vi med oss hem?' }).waitFor()
      expect((await outcome(board.id)).clusters.length).toBe(before + 3)
      await context.close()
    },
  )
})
