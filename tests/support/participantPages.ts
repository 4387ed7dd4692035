import type { Browser, BrowserContext } from 'playwright-core'
import type { CreatedWorkshop } from '../../shared/workshopContracts'
import { personContext } from './pages'
import { joinGroup } from './workshopClients'

/**
 * A participant's browser that joined earlier (its key is remembered, as after the join form)
 * and sits on its group's board. Its context is added to `contexts`, to be closed by the test.
 */
export async function participantPage(
  browser: Browser,
  serverUrl: string,
  workshop: CreatedWorkshop,
  boardIndex: number,
  name: string,
  contexts: BrowserContext[],
) {
  const { params } = await joinGroup(serverUrl, workshop, boardIndex, name)
  const context = await personContext(browser, name)
  contexts.push(context)
  await context.addInitScript(
    ([workshopId, key]) => localStorage.setItem(`samskapa.participantKey.${workshopId}`, key!),
    [workshop.id, params.participant],
  )
  const page = await context.newPage()
  await page.goto(workshop.links.participant)
  await page.waitForSelector('.tl-canvas', { timeout: 30_000 })
  return page
}
