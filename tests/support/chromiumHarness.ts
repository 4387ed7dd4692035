import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from './browser'
import { startTestServer, type TestServer } from './testServer'

/**
 * A test server and a Chromium for one e2e file: started before its tests, stopped after,
 * with every context the tests push into `contexts` closed first.
 */
export function chromiumHarness() {
  const harness = {
    server: undefined as unknown as TestServer,
    browser: undefined as unknown as Browser,
    contexts: [] as BrowserContext[],
  }
  beforeAll(async () => {
    harness.server = await startTestServer()
    harness.browser = await launchChromium()
  })
  afterAll(async () => {
    for (const context of harness.contexts) await context.close()
    await harness.browser?.close()
    await harness.server?.stop()
  })
  return harness
}
