import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, personContext, seriousViolations } from '../support/pages'
import { participantPage } from '../support/participantPages'
import { chromiumHarness } from '../support/chromiumHarness'
import { createWorkshop } from '../support/workshopClients'

const e2e = chromiumHarness()
const { contexts } = e2e

describe('raising a hand in Chromium', () => {
  it(
    "shows a hand raised on a participant's page on the facilitator's overview",
    { timeout: 120_000 },
    async () => {
      const workshop = await createWorkshop(e2e.server.url, {
        title: 'Träff 7',
        groups: 2,
        language: 'sv',
      })
      const anna = await participantPage(e2e.browser, e2e.server.url, workshop, 1, 'Anna', contexts)
      const context = await personContext(e2e.browser, 'Samtalsledaren')
      contexts.push(context)
      const overview = await context.newPage()
      await overview.goto(workshop.links.facilitator)
      const queue = overview.getByTestId('hand-queue')
      await queue.getByText('Ingen räcker upp handen just nu.').waitFor()

      // By keyboard: focus the button and press Space, as a screen-reader user would.
      const raise = anna.getByRole('button', { name: 'Räck upp handen' })
      await raise.focus()
      await anna.keyboard.press('Space')
      const lower = anna.getByRole('button', { name: 'Ta ner handen' })
      await lower.waitFor()
      expect(await lower.getAttribute('aria-pressed')).toBe('true')
      await anna.getByText('Din hand är uppräckt', { exact: true }).waitFor()

      await queue.getByText('1 räckt hand').waitFor()
      const entry = queue.getByRole('listitem').filter({ hasText: 'Anna' })
      await entry.waitFor()
      expect(await entry.innerText()).toContain(workshop.boards[1]!.name)
      expect(await seriousViolations(overview, '[data-testid="hand-queue"]')).toEqual([])
      expect(await seriousViolations(anna, '.day-bar')).toEqual([])
      await anna.screenshot({ path: `${SCREENSHOTS}hand-raised.png` })
      await overview.screenshot({ path: `${SCREENSHOTS}hand-queue.png` })
      // A phone and the facilitator's iPad are first-class screens.
      await anna.setViewportSize({ width: 390, height: 844 })
      await anna.getByRole('button', { name: 'Ta ner handen' }).waitFor()
      expect(await seriousViolations(anna, '.day-bar')).toEqual([])
      await anna.screenshot({ path: `${SCREENSHOTS}hand-raised-phone.png` })
      await overview.setViewportSize({ width: 1024, height: 1366 })
      await overview.screenshot({ path: `${SCREENSHOTS}hand-queue-ipad.png` })

      // The facilitator lowers it; Anna's page hears it live.
      await queue.getByRole('button', { name: 'Ta ner Annas hand' }).click()
      await queue.getByText('Ingen räcker upp handen just nu.').waitFor()
      await anna.getByRole('button', { name: 'Räck upp handen' }).waitFor()
    },
  )
})
