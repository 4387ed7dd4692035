import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { Outcome } from '../../shared/factors'
import type { GroupAssignments } from '../../shared/workshopContracts'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, addNote, onCanvas, personContext } from '../support/pages'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

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

async function join(page: Page, link: string, name: string) {
  await page.goto(link)
  await page.getByLabel('Namn').fill(name)
  await page.getByRole('button', { name: 'Gå med' }).click()
  await page.getByText('Samtalsledaren delar snart in grupperna').waitFor()
}

/** The facilitator forms the groups through the API, as the overview's button does. */
async function formGroups(workshopId: string, facilitatorToken: string) {
  const query = { token: facilitatorToken }
  const base = `/api/workshops/${workshopId}`
  const proposal = await call(server.url, 'POST', `${base}/groups/propose`, query)
  const { assignments } = (await proposal.json()) as GroupAssignments
  const confirmed = await call(server.url, 'POST', `${base}/groups/confirm`, query, {
    assignments,
  })
  expect(confirmed.status).toBeLessThan(300)
}

async function offlineReady(page: Page) {
  await page.waitForSelector('html[data-offline-ready]', { state: 'attached', timeout: 20_000 })
}

describe('workshop pages without a network', () => {
  it(
    'reopen offline for participant, facilitator and viewer, count changes per note, and sync when back',
    { timeout: 150_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 3',
        groups: 1,
        template: 'hindering-enabling',
        language: 'sv',
      })
      const facilitatorToken = tokenOf(workshop.links.facilitator)
      const annaContext = await personContext(browser, 'Anna')
      const anna = await annaContext.newPage()
      await join(anna, workshop.links.participant, 'Anna')
      await formGroups(workshop.id, facilitatorToken)
      await anna.waitForSelector('.tl-canvas', { timeout: 20_000 })
      await anna.getByText('Ansluten – allt är sparat').waitFor({ timeout: 20_000 })
      await offlineReady(anna)

      await annaContext.setOffline(true)
      await anna.getByText(/^\S? ?Offline/).waitFor()
      await addNote(anna, { x: 300, y: 300 }, 'Vi saknar tid för att prova')
      await addNote(anna, { x: 300, y: 560 }, 'Chefer som visar vägen')
      await anna.getByText('Offline – 2 ändringar inte sparade än').waitFor()
      await anna.reload()
      await anna.waitForSelector('.tl-canvas', { timeout: 20_000 })
      await onCanvas(anna, 'Chefer som visar vägen').waitFor()
      await anna.getByText('Offline – 2 ändringar inte sparade än').waitFor()
      await anna.screenshot({ path: `${SCREENSHOTS}workshop-participant-offline.png` })

      for (const [link, heading] of [
        [workshop.links.facilitator, 'Grupperna just nu'],
        [workshop.links.viewer, 'Tavlorna'],
      ] as const) {
        const context = await personContext(browser, 'Samtalsledaren')
        const page = await context.newPage()
        await page.goto(link)
        await page.getByRole('heading', { name: heading }).waitFor({ timeout: 20_000 })
        await offlineReady(page)
        await context.setOffline(true)
        await page.reload()
        await page.getByRole('heading', { name: heading }).waitFor({ timeout: 20_000 })
        await page.screenshot({ path: `${SCREENSHOTS}workshop-offline-${heading.length}.png` })
        await context.close()
      }

      await annaContext.setOffline(false)
      await anna.getByText('Ansluten – allt är sparat').waitFor({ timeout: 20_000 })
      const board = workshop.boards.find((entry) => entry.kind === 'group')!
      await expect
        .poll(async () => {
          const response = await call(server.url, 'GET', `/api/boards/${board.id}/outcome`, {
            token: facilitatorToken,
          })
          // Wherever they landed (the template's sides sort them): every factor, by text.
          const outcome = (await response.json()) as Outcome
          const factors = [
            ...outcome.unsorted,
            ...outcome.clusters.flatMap((c) => [...c.hindering, ...c.enabling, ...c.undecided]),
          ]
          return factors.map((factor) => factor.text).sort()
        })
        .toEqual(['Chefer som visar vägen', 'Vi saknar tid för att prova'])
      await annaContext.close()
    },
  )

  it(
    'recovers by itself when a workshop page was opened before the network came back',
    { timeout: 60_000 },
    async () => {
      const workshop = await createWorkshop(server.url, { title: 'Träff 4', groups: 1 })
      const context = await personContext(browser, 'Åhörare')
      const page = await context.newPage()
      await page.goto(server.url)
      await offlineReady(page)
      await context.setOffline(true)
      await page.goto(workshop.links.viewer)
      await page.getByRole('heading', { name: 'Ingen kontakt med servern' }).waitFor()
      await page.screenshot({ path: `${SCREENSHOTS}workshop-waiting-for-network.png` })
      await context.setOffline(false)
      await page.getByRole('heading', { name: 'Tavlorna' }).waitFor({ timeout: 20_000 })
      await context.close()
    },
  )
})

describe('a workshop erased while participants have it open', () => {
  it(
    'says so in the page’s language and never shows the server’s words',
    { timeout: 90_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 5',
        groups: 1,
        language: 'sv',
      })
      const facilitatorToken = tokenOf(workshop.links.facilitator)
      const annaContext = await personContext(browser, 'Anna', 'en-GB')
      const anna = await annaContext.newPage()
      await anna.goto(workshop.links.participant)
      await anna.getByLabel('Name').fill('Anna')
      await anna.getByRole('button', { name: 'Join' }).click()
      await anna.getByText(/facilitator will form the groups soon/i).waitFor()
      await formGroups(workshop.id, facilitatorToken)
      await anna.waitForSelector('.tl-canvas', { timeout: 20_000 })

      const bertilContext = await personContext(browser, 'Bertil')
      const bertil = await bertilContext.newPage()
      await bertil.goto(workshop.links.participant)
      await bertil.getByLabel('Namn').fill('Bertil')

      const erased = await call(server.url, 'DELETE', `/api/workshops/${workshop.id}`, {
        token: facilitatorToken,
      })
      expect(erased.status).toBeLessThan(300)

      await anna.getByRole('heading', { name: 'The workshop was erased' }).waitFor({
        timeout: 20_000,
      })
      await anna.screenshot({ path: `${SCREENSHOTS}workshop-erased.png` })
      await bertil.getByRole('button', { name: 'Gå med' }).click()
      const alert = bertil.getByRole('alert')
      await alert.waitFor()
      expect(await alert.textContent()).toBe(
        'Workshopen finns inte längre: den är raderad, eller så är länken fel.',
      )
      await annaContext.close()
      await bertilContext.close()
    },
  )
})
