import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { startTestServer, type TestServer } from '../support/testServer'

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

describe('the lobby in another language', () => {
  it('renames the templates and the status already shown when a Swedish browser switches to English', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' })
    const page = await context.newPage()
    await page.goto(server.url)
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
