import { describe, expect, it } from 'vitest'
import type { Outcome } from '../../shared/factors'
import { chromiumHarness } from '../support/chromiumHarness'
import { SCREENSHOTS, onCanvas, seriousViolations } from '../support/pages'
import { tokenQuery } from '../support/testServer'

const harness = chromiumHarness()

async function outcome(boardId: string) {
  const response = await fetch(
    `${harness.server.url}/api/boards/${boardId}/outcome${tokenQuery(boardId)}`,
  )
  return (await response.json()) as Outcome
}

/** A phone held upright, with touch, whose owner already gave the board their name. */
async function phone(name: string) {
  const context = await harness.browser.newContext({
    locale: 'sv-SE',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  })
  await context.addInitScript((displayName) => {
    localStorage.setItem('samskapa.displayName', displayName)
  }, name)
  return context
}

describe('a participant on a phone', () => {
  it(
    'writes a factor with its polarity and cluster, edits it, and can still reach the canvas',
    { timeout: 90_000 },
    async () => {
      const board = await harness.server.createBoard({
        title: 'Grupp 3 – Skola och lärande',
        template: 'key-areas',
        language: 'sv',
      })
      const context = await phone('Anna')
      const page = await context.newPage()
      await page.goto(board.url)
      await page.getByRole('heading', { name: 'Skriv faktorer' }).waitFor({ timeout: 20_000 })
      await page.getByText('Ansluten – allt är sparat').waitFor({ timeout: 20_000 })

      // Title and connection status are whole and on screen.
      const bar = await page.evaluate(() => {
        const box = (selector: string) => {
          const element = document.querySelector(selector)!
          const rect = element.getBoundingClientRect()
          return {
            left: rect.left,
            right: rect.right,
            fits: element.scrollWidth <= element.clientWidth + 1,
          }
        }
        return { title: box('.board-title'), connection: box('[data-testid="connection"]') }
      })
      for (const part of [bar.title, bar.connection]) {
        expect(part.left).toBeGreaterThanOrEqual(0)
        expect(part.right).toBeLessThanOrEqual(390)
        expect(part.fits).toBe(true)
      }
      // Nothing in the top bar is cut off at the screen's edge.
      const offScreen = await page
        .locator('.board-bar :is(button, select, a)')
        .evaluateAll((elements) =>
          elements
            .filter((element) => {
              const rect = element.getBoundingClientRect()
              return rect.width > 0 && (rect.left < 0 || rect.right > window.innerWidth)
            })
            .map((element) => element.textContent),
        )
      expect(offScreen).toEqual([])
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({ path: `${SCREENSHOTS}phone-write.png` })

      // Everything a screen reader needs is named: the form, the polarity choice, the list.
      const tree = await page.locator('main.writing').ariaSnapshot()
      expect(tree).toContain('heading "Skriv faktorer"')
      expect(tree).toContain('textbox "Faktor"')
      expect(tree).toContain('radio "hämmande"')
      expect(tree).toContain('combobox "Kluster"')

      await page.getByRole('textbox', { name: 'Faktor' }).tap()
      await page
        .getByRole('textbox', { name: 'Faktor' })
        .fill('Chefer som går före och visar vägen')
      await page.getByRole('radio', { name: 'främjande' }).tap()
      await page.getByRole('combobox', { name: 'Kluster' }).selectOption({ label: 'Ledarskap' })
      await page.getByRole('button', { name: 'Lägg till' }).tap()
      await page.getByRole('textbox', { name: 'Faktor' }).fill('Ingen tid att prova nytt')
      await page.getByRole('radio', { name: 'hämmande' }).tap()
      await page.getByRole('combobox', { name: 'Kluster' }).selectOption({ label: 'Osorterat' })
      await page.getByRole('button', { name: 'Lägg till' }).tap()
      await page.getByRole('heading', { name: 'Dina lappar (2)' }).waitFor()
      await page.getByRole('status').filter({ hasText: 'är tillagd i Osorterat' }).waitFor()

      await page.getByRole('button', { name: 'Ändra ”Ingen tid att prova nytt”' }).tap()
      await page.getByLabel('Text', { exact: true }).fill('Ingen tid att prova nya arbetssätt')
      await page.getByRole('button', { name: 'Spara', exact: true }).tap()
      await page.locator('.writing-own').getByText('Ingen tid att prova nya arbetssätt').waitFor()
      await page.screenshot({ path: `${SCREENSHOTS}phone-own-notes.png` })

      await expect
        .poll(async () => {
          const result = await outcome(board.id)
          const ledarskap = result.clusters.find((cluster) => cluster.name === 'Ledarskap')
          return {
            enabling: ledarskap?.enabling.map((factor) => factor.text),
            unsorted: result.unsorted.map((factor) => [factor.text, factor.polarity]),
          }
        })
        .toEqual({
          enabling: ['Chefer som går före och visar vägen'],
          unsorted: [['Ingen tid att prova nya arbetssätt', 'hindering']],
        })

      // The canvas is one tap away, mostly free, with the note tool in the toolbar.
      await page.getByRole('button', { name: 'Tavla', exact: true }).tap()
      await onCanvas(page, 'Ingen tid att prova nya arbetssätt').waitFor()
      const canvas = (await page.locator('.tl-canvas').boundingBox())!
      expect(canvas.width).toBeGreaterThan(300)
      expect(canvas.height).toBeGreaterThan(500)
      await page.getByTestId('tools.note').waitFor()
      await page.screenshot({ path: `${SCREENSHOTS}phone-canvas.png` })
      await context.close()
    },
  )
})
