import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { SCREENSHOTS, openBoard, personContext, seriousViolations } from '../support/pages'
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

describe('Samla alla här in Chromium', () => {
  it("moves a participant's camera to the facilitator's view", { timeout: 120_000 }, async () => {
    const workshop = await createWorkshop(e2e.server.url, {
      title: 'Träff 6',
      groups: 1,
      language: 'sv',
    })
    const anna = await participantPage(e2e.browser, e2e.server.url, workshop, 0, 'Anna', contexts)
    const context = await personContext(e2e.browser, 'Samtalsledaren')
    contexts.push(context)
    const facilitator = await context.newPage()
    await openBoard(facilitator, workshop.boards[0]!.url)
    const summon = facilitator.getByRole('button', { name: 'Samla alla här' })
    await summon.waitFor()
    // The facilitator looks somewhere else than Anna: panned far to the right and down.
    await facilitator.mouse.move(500, 450)
    for (let i = 0; i < 5; i++) await facilitator.mouse.wheel(600, 400)
    const target = await viewCentre(facilitator)
    const before = await viewCentre(anna)
    expect(Math.abs(before.x - target.x)).toBeGreaterThan(500)
    await summon.click()
    await facilitator.getByRole('status').filter({ hasText: 'Alla på tavlan ser nu' }).waitFor()
    await expect
      .poll(async () => Math.abs((await viewCentre(anna)).x - target.x), { timeout: 15_000 })
      .toBeLessThan(60)
    expect(Math.abs((await viewCentre(anna)).y - target.y)).toBeLessThan(60)
    expect(await seriousViolations(facilitator, '.day-bar')).toEqual([])
    await anna.screenshot({ path: `${SCREENSHOTS}summoned.png` })
  })
})
