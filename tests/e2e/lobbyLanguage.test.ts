import { describe, expect, it } from 'vitest'
import { chromiumHarness } from '../support/chromiumHarness'

const harness = chromiumHarness()

describe('the lobby in another language', () => {
  it('renames the templates and the status already shown when a Swedish browser switches to English', async () => {
    const context = await harness.browser.newContext({ locale: 'sv-SE' })
    const page = await context.newPage()
    await page.goto(harness.server.url)
    const boardTemplates = page.locator('#board-template option')
    await expect
      .poll(() => boardTemplates.allTextContents())
      .toContain('Hämmande och främjande faktorer')
    await page.getByRole('button', { name: 'Skapa tavla' }).click()
    await page.getByText('Tavlan är skapad').waitFor()

    await page.getByLabel('Språk').selectOption('en')
    await expect
      .poll(() => boardTemplates.allTextContents())
      .toContain('Hindering and enabling factors')
    expect(await boardTemplates.allTextContents()).not.toContain('Hämmande och främjande faktorer')
    await page.getByText('The board is ready').waitFor()
    expect(await page.locator('main').textContent()).not.toMatch(/Tavlan är skapad|Mall\b/)
    await context.close()
  })
})
