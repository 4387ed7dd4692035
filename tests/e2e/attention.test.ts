import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  SCREENSHOTS,
  addNote,
  onCanvas,
  openBoard,
  personContext,
  seriousViolations,
} from '../support/pages'
import { participantPage } from '../support/participantPages'
import { chromiumHarness } from '../support/chromiumHarness'
import { createWorkshop } from '../support/workshopClients'

const e2e = chromiumHarness()
const { contexts } = e2e

/** The page point at the centre of the canvas, read from tldraw's layer transform. */
const viewCentre = (page: Page) =>
  page.evaluate(() => {
    const layer = document.querySelector<HTMLElement>('.tl-html-layer')!
    const canvas = document.querySelector<HTMLElement>('.tl-canvas')!.getBoundingClientRect()
    const transform = layer.style.transform
    const scale = Number(/scale\(([-\d.e]+)\)/.exec(transform)?.[1] ?? 1)
    const [tx, ty] = (/translate\(([-\d.e]+)px, ([-\d.e]+)px\)/.exec(transform) ?? [])
      .slice(1)
      .map(Number)
    return { x: canvas.width / 2 / scale - tx!, y: canvas.height / 2 / scale - ty!, scale }
  })

/**
 * Waits until `follower` looks at the same page point as `leader` (x and y). Both are read on
 * every try: tldraw applies a wheel a frame after the event, so the leader may still move.
 */
async function showsTheSameCentre(follower: Page, leader: Page) {
  await expect
    .poll(
      async () => {
        const [seen, target] = [await viewCentre(follower), await viewCentre(leader)]
        return Math.hypot(seen.x - target.x, seen.y - target.y)
      },
      { timeout: 15_000 },
    )
    .toBeLessThan(60)
}

const notesOn = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]').count()

describe("the room's attention in Chromium", () => {
  it(
    "Ta kontroll moves another page's camera and pauses its editing until released",
    { timeout: 180_000 },
    async () => {
      const workshop = await createWorkshop(e2e.server.url, {
        title: 'Träff 8',
        groups: 1,
        language: 'sv',
      })
      const anna = await participantPage(e2e.browser, e2e.server.url, workshop, 0, 'Anna', contexts)
      const context = await personContext(e2e.browser, 'Samtalsledaren')
      contexts.push(context)
      const facilitator = await context.newPage()
      await openBoard(facilitator, workshop.boards[0]!.url)
      const take = facilitator.getByRole('button', { name: 'Ta kontroll' })
      await take.waitFor()
      await facilitator.mouse.move(500, 450)
      for (let i = 0; i < 5; i++) await facilitator.mouse.wheel(600, 400)
      const target = await viewCentre(facilitator)
      expect(Math.abs((await viewCentre(anna)).x - target.x)).toBeGreaterThan(500)

      await take.click()
      await anna.getByTestId('controlled').waitFor()
      await showsTheSameCentre(anna, facilitator)
      expect(await seriousViolations(anna, '.board-notice')).toEqual([])
      expect(await seriousViolations(facilitator, '.day-bar')).toEqual([])
      await anna.screenshot({ path: `${SCREENSHOTS}controlled.png` })
      await anna.setViewportSize({ width: 390, height: 844 })
      await anna.getByTestId('controlled').waitFor()
      await anna.screenshot({ path: `${SCREENSHOTS}controlled-phone.png` })
      await facilitator.setViewportSize({ width: 1024, height: 1366 })
      await facilitator.screenshot({ path: `${SCREENSHOTS}control-facilitator-ipad.png` })
      await anna.setViewportSize({ width: 1280, height: 800 })
      await facilitator.setViewportSize({ width: 1280, height: 800 })

      // Anna tries to write: nothing is made, here or on the facilitator's page.
      const before = await notesOn(facilitator)
      await anna.keyboard.press('Escape')
      await anna.keyboard.press('n')
      await anna.mouse.click(400, 400)
      await anna.keyboard.type('under kontroll')
      await anna.keyboard.press('Escape')
      expect(await notesOn(anna)).toBe(before)
      expect(await anna.locator('.tl-rich-text [contenteditable="true"]').count()).toBe(0)

      await facilitator.getByRole('button', { name: 'Släpp kontrollen' }).click()
      await anna.getByTestId('controlled').waitFor({ state: 'detached' })
      await addNote(anna, { x: 400, y: 400 }, 'efter kontrollen')
      await onCanvas(facilitator, 'efter kontrollen').first().waitFor({ timeout: 15_000 })
    },
  )

  it(
    "keeps a controlled page following the facilitator's later camera moves",
    { timeout: 180_000 },
    async () => {
      const workshop = await createWorkshop(e2e.server.url, {
        title: 'Träff 8b',
        groups: 1,
        language: 'sv',
      })
      const anna = await participantPage(e2e.browser, e2e.server.url, workshop, 0, 'Anna', contexts)
      const context = await personContext(e2e.browser, 'Samtalsledaren')
      contexts.push(context)
      const facilitator = await context.newPage()
      await openBoard(facilitator, workshop.boards[0]!.url)
      const follows = () => showsTheSameCentre(anna, facilitator)
      await facilitator.getByRole('button', { name: 'Ta kontroll' }).click()
      // Moving on at once: before this page has even heard that control stands.
      await facilitator.mouse.move(500, 450)
      for (let i = 0; i < 3; i++) await facilitator.mouse.wheel(700, 0)
      await anna.getByTestId('controlled').waitFor()
      await follows()
      // Bursts, single small moves and moves made while a send is surely in flight.
      for (const [dx, dy, times] of [
        [0, 900, 4],
        [-300, 0, 1],
        [500, -500, 6],
        [0, 40, 1],
      ] as const) {
        for (let i = 0; i < times; i++) await facilitator.mouse.wheel(dx, dy)
        await follows()
      }
      // Her own screen changes (a phone turned, a panel closed): she still sees that view.
      await anna.setViewportSize({ width: 390, height: 844 })
      await follows()
      await anna.setViewportSize({ width: 1280, height: 800 })
      await follows()
      await facilitator.getByRole('button', { name: 'Släpp kontrollen' }).click()
      await anna.getByTestId('controlled').waitFor({ state: 'detached' })
    },
  )

  it(
    'offers Följ mig, which a participant may stop, and spotlights a cluster for everyone',
    {
      timeout: 180_000,
    },
    async () => {
      const workshop = await createWorkshop(e2e.server.url, {
        title: 'Träff 9',
        groups: 1,
        language: 'sv',
      })
      const anna = await participantPage(e2e.browser, e2e.server.url, workshop, 0, 'Anna', contexts)
      const context = await personContext(e2e.browser, 'Samtalsledaren')
      contexts.push(context)
      const facilitator = await context.newPage()
      await openBoard(facilitator, workshop.boards[0]!.url)
      await facilitator.getByRole('button', { name: 'Följ mig' }).click()
      await anna.getByText('Samtalsledaren vill att du följer hens vy.').waitFor()
      await anna.getByRole('button', { name: 'Följ samtalsledaren' }).click()
      await anna.getByText('Du följer samtalsledarens vy.').waitFor()
      await facilitator.mouse.move(500, 450)
      for (let i = 0; i < 4; i++) await facilitator.mouse.wheel(-600, 0)
      const target = await viewCentre(facilitator)
      await expect
        .poll(async () => Math.abs((await viewCentre(anna)).x - target.x), { timeout: 15_000 })
        .toBeLessThan(60)
      await anna.getByRole('button', { name: 'Sluta följa' }).click()
      for (let i = 0; i < 4; i++) await facilitator.mouse.wheel(1200, 0)
      const away = await viewCentre(facilitator)
      // Not following, Anna's view stays (and she may still write).
      await facilitator.waitForTimeout(1500)
      expect(Math.abs((await viewCentre(anna)).x - away.x)).toBeGreaterThan(500)
      await facilitator.getByRole('button', { name: 'Sluta be andra följa' }).click()

      await facilitator.getByRole('button', { name: 'Nytt kluster' }).click()
      const spotlight = facilitator.getByRole('button', { name: 'Strålkastare på klustret' })
      await expect.poll(() => spotlight.isEnabled(), { timeout: 10_000 }).toBe(true)
      await spotlight.click()
      const focus = anna.getByTestId('spotlight')
      await focus.getByText(/^I fokus: /).waitFor({ timeout: 15_000 })
      await facilitator.getByTestId('spotlight').waitFor()
      expect(await seriousViolations(anna, '[data-testid="spotlight"]')).toEqual([])
      await anna.screenshot({ path: `${SCREENSHOTS}spotlight.png` })

      // It stands: a page opened later, and one reloaded, show it too.
      const bo = await participantPage(e2e.browser, e2e.server.url, workshop, 0, 'Bo', contexts)
      await bo.setViewportSize({ width: 390, height: 844 })
      await bo
        .getByTestId('spotlight')
        .getByText(/^I fokus: /)
        .waitFor({ timeout: 15_000 })
      await bo.screenshot({ path: `${SCREENSHOTS}spotlight-late-phone.png` })
      await anna.reload()
      await focus.getByText(/^I fokus: /).waitFor({ timeout: 30_000 })
      await facilitator.setViewportSize({ width: 1024, height: 1366 })
      await facilitator.getByTestId('spotlight').waitFor()
      await facilitator.screenshot({ path: `${SCREENSHOTS}spotlight-facilitator-ipad.png` })

      await facilitator.getByRole('button', { name: 'Släck strålkastaren' }).click()
      await focus.waitFor({ state: 'detached' })
      await bo.getByTestId('spotlight').waitFor({ state: 'detached' })
    },
  )
})
