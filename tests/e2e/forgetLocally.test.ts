import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumHarness } from '../support/chromiumHarness'
import { addNote, onCanvas, openBoard, personContext } from '../support/pages'
import { createWorkshop } from '../support/workshopClients'

/**
 * Issue 8, item 12: a browser that had a board open keeps its doc (every note and name on it)
 * in IndexedDB and its link with the token in localStorage and the service worker's cache.
 * Once the workshop is erased, none of it may stay behind.
 */

const harness = chromiumHarness()

/** What this browser still keeps of a board, read in one of its pages. */
function keptOf(page: Page, boardId: string) {
  return page.evaluate(async (id) => {
    const databases = (await indexedDB.databases()).map((db) => db.name)
    const cache = (await caches.has('samskapa-v1')) ? await caches.open('samskapa-v1') : undefined
    const cached = cache ? (await cache.keys()).map((request) => new URL(request.url).pathname) : []
    return {
      database: databases.includes(`samskapa:${id}`),
      recent: localStorage.getItem(`samskapa.recentBoard.${id}`) !== null,
      cached: cached.some((path) => path.includes(id)),
    }
  }, boardId)
}

describe('an erased workshop in the browsers that had it open', () => {
  it('leaves no copy, link or cached answer behind, open tab or not', async () => {
    const workshop = await createWorkshop(harness.server.url, { title: 'Glöms bort', groups: 2 })
    const [first, second] = workshop.boards.filter((board) => board.kind === 'group')
    const context = await personContext(harness.browser, 'Fia')
    const closedTab = await context.newPage()
    await openBoard(closedTab, first!.url)
    await addNote(closedTab, { x: 500, y: 300 }, 'Namn som ska glömmas')
    await closedTab.getByText('allt är sparat').waitFor({ timeout: 20_000 })
    const openTab = await context.newPage()
    await openBoard(openTab, second!.url)
    await addNote(openTab, { x: 500, y: 300 }, 'Också glömd')
    await onCanvas(openTab, 'Också glömd').waitFor()
    await openTab.getByText('allt är sparat').waitFor({ timeout: 20_000 })
    await expect(keptOf(openTab, first!.id)).resolves.toMatchObject({
      database: true,
      recent: true,
    })
    await closedTab.close()
    const other = await personContext(harness.browser, 'Gun')
    const elsewhere = await other.newPage()
    await openBoard(elsewhere, first!.url)
    await onCanvas(elsewhere, 'Namn som ska glömmas').waitFor()
    await elsewhere.close()

    const facilitator = await context.newPage()
    await facilitator.goto(workshop.links.facilitator)
    await facilitator.getByRole('button', { name: 'Radera workshopen …' }).click()
    await facilitator.getByRole('button', { name: 'Radera allt' }).click()
    await facilitator.waitForURL(`${harness.server.url}/`)

    // The open tab learns from its socket (4404) and clears its own copy.
    await openTab.getByRole('heading').first().waitFor()
    for (const board of [first!, second!]) {
      await expect
        .poll(() => keptOf(facilitator, board.id), { timeout: 15_000 })
        .toEqual({ database: false, recent: false, cached: false })
    }

    // A copy kept in another browser goes when that browser opens the link again.
    const later = await other.newPage()
    await later.goto(first!.url)
    await later.getByRole('heading', { name: 'Tavlan finns inte' }).waitFor()
    await expect
      .poll(() => keptOf(later, first!.id), { timeout: 15_000 })
      .toEqual({ database: false, recent: false, cached: false })
    await other.close()
    await context.close()
  }, 120_000)
})
