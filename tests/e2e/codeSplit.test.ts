import { describe, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { chromiumHarness } from '../support/chromiumHarness'
import { personContext } from '../support/pages'
import { tokenQuery } from '../support/testServer'
import { createWorkshop } from '../support/workshopClients'

const harness = chromiumHarness()

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
    const context = await personContext(harness.browser, 'Kim')
    const scripts = scriptsOf(context)
    const page = await context.newPage()
    await page.goto(harness.server.url)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const workshop = await createWorkshop(harness.server.url)
    await page.goto(workshop.links.participant)
    await page.getByLabel('Namn').waitFor()
    await page.waitForLoadState('networkidle')
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.filter(isEditorChunk)).toEqual([])
    await context.close()
  })

  it('loads tldraw on a board page', { timeout: 90_000 }, async () => {
    const context = await personContext(harness.browser, 'Kim')
    const scripts = scriptsOf(context)
    const page = await context.newPage()
    const board = await harness.server.createBoard({ title: 'Delad kod' })
    await page.goto(`${harness.server.url}${new URL(board.url).pathname}${tokenQuery(board.id)}`)
    await page.waitForSelector('.tl-canvas', { timeout: 60_000 })
    expect(scripts.filter(isEditorChunk)).toHaveLength(1)
    await context.close()
  })
})
