import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { personContext } from '../support/pages'
import { startTestServer, tokenQuery, type TestServer } from '../support/testServer'
import { createWorkshop } from '../support/workshopClients'

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

/** The JavaScript files a page loads, by name. */
function scriptsOf(context: BrowserContext): string[] {
  const scripts: string[] = []
  context.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  return scripts
}

const isEditorChunk = (path: string) => /\/assets\/BoardEditor-[^/]+\.js$/.test(path)

describe('the client’s JavaScript is split', () => {
  it('opens the lobby and the join page without loading tldraw', { timeout: 90_000 }, async () => {
    const context = await personContext(browser, 'Kim')
    const scripts = scriptsOf(context)
    const page = await context.newPage()
    await page.goto(server.url)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const workshop = await createWorkshop(server.url)
    await page.goto(workshop.links.participant)
    await page.getByLabel('Namn').waitFor()
    await page.waitForLoadState('networkidle')
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.filter(isEditorChunk)).toEqual([])
    await context.close()
  })

  it('loads tldraw on a board page', { timeout: 90_000 }, async () => {
    const context = await personContext(browser, 'Kim')
    const scripts = scriptsOf(context)
    const page = await context.newPage()
    const board = await server.createBoard({ title: 'Delad kod' })
    await page.goto(`${server.url}${new URL(board.url).pathname}${tokenQuery(board.id)}`)
    await page.waitForSelector('.tl-canvas', { timeout: 60_000 })
    expect(scripts.filter(isEditorChunk)).toHaveLength(1)
    await context.close()
  })
})
