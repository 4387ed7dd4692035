import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser } from 'playwright-core'
import { SCREENSHOTS, seriousViolations, watchRequests } from '../support/pages'
import { startHttpsProxy } from '../support/httpsProxy'
import { startTestServer, type TestServer } from '../support/testServer'

const HOST = 'samskapa.kommun.test'
let server: TestServer
let proxy: Awaited<ReturnType<typeof startHttpsProxy>>
let browser: Browser

beforeAll(async () => {
  server = await startTestServer()
  proxy = await startHttpsProxy(server.url, HOST)
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
    ],
  })
})

afterAll(async () => {
  await browser?.close()
  await proxy?.close()
  await server?.stop()
})

describe('tldraw license on a production host', () => {
  it(
    'explains why the board is hidden instead of leaving a blank page',
    { timeout: 60_000 },
    async () => {
      const board = await server.createBoard({ title: 'Produktion', language: 'sv' })
      const context = await browser.newContext({ locale: 'sv-SE', ignoreHTTPSErrors: true })
      await context.addInitScript(() => localStorage.setItem('samskapa.displayName', 'Anna'))
      const page = await context.newPage()
      const origins = watchRequests(context)
      await page.goto(`${proxy.url}${new URL(board.url).pathname}${new URL(board.url).search}`)
      const notice = page.getByRole('alert').filter({ hasText: 'licensnyckel' })
      await notice.waitFor({ timeout: 20_000 })
      expect(await notice.textContent()).toContain('TLDRAW_LICENSE_KEY')
      expect(await seriousViolations(page, '.license-notice')).toEqual([])
      await page.screenshot({ path: `${SCREENSHOTS}license-notice.png` })
      // tldraw asks its CDN for a watermark image here; our Content-Security-Policy refuses it.
      expect([...origins]).toEqual([new URL(proxy.url).host])
      await context.close()
    },
  )
})
