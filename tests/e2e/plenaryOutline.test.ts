import { describe, expect, it } from 'vitest'
import { writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { BoardAccessInfo } from '../../shared/workshopContracts'
import { chromiumHarness } from '../support/chromiumHarness'
import { SCREENSHOTS, onCanvas, personContext, seriousViolations } from '../support/pages'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { createWorkshop, tokenOf } from '../support/workshopClients'

const harness = chromiumHarness()

describe('a plenary board in a viewer’s outline', () => {
  it(
    'is scrollable by keyboard, axe clean, and shows each group’s wording of an entry',
    { timeout: 90_000 },
    async () => {
      const workshop = await createWorkshop(harness.server.url, {
        title: 'Träff 6',
        groups: 2,
        language: 'sv',
      })
      const plenary = workshop.boards.find((board) => board.kind === 'plenary')!
      const groups = workshop.boards.filter((board) => board.kind === 'group')
      const facilitatorToken = tokenOf(workshop.links.facilitator)
      const access = (await (
        await fetch(`${harness.server.url}/api/boards/${plenary.id}?token=${facilitatorToken}`)
      ).json()) as BoardAccessInfo
      const { doc, provider } = connectProvider(access.sync)
      await whenSynced(provider)
      doc.transact(() =>
        writeRecords(doc, [
          noteShape(
            {
              id: 'shape:plenary-entry',
              x: 0,
              y: 0,
              index: 'a9',
              meta: {
                polarity: 'hindering',
                createdAt: 1,
                synthesisKey: 'ledarskap/hindering/1',
                wordings: [
                  { groupId: groups[0]!.id, factorId: 'shape:a', text: 'Ledningen saknar en bild' },
                  {
                    groupId: groups[1]!.id,
                    factorId: 'shape:b',
                    text: 'Ingen gemensam bild hos chefer',
                  },
                ],
              },
            },
            { text: 'Ledningen saknar en gemensam bild', color: 'light-red' },
          ),
        ]),
      )
      await waitFor(() => provider.synced)

      const context = await personContext(harness.browser, 'Åhörare')
      const page = await context.newPage()
      const viewerToken = tokenOf(workshop.links.viewer)
      await page.goto(`${harness.server.url}/b/${plenary.id}?token=${viewerToken}`)
      await onCanvas(page, 'Ledningen saknar en gemensam bild').waitFor({ timeout: 20_000 })
      await page.getByRole('button', { name: 'Listvy' }).click()
      await page.getByRole('heading', { name: 'Listvy', level: 2 }).waitFor()
      expect(await seriousViolations(page, '.outline')).toEqual([])

      const outline = page.locator('.outline')
      await outline.getByText('Ledningen saknar en bild').waitFor()
      await outline.getByText('Ingen gemensam bild hos chefer').waitFor()
      // The scroll area takes focus, so a keyboard can scroll a viewer's outline.
      expect(await outline.getAttribute('tabindex')).toBe('0')
      await page.screenshot({ path: `${SCREENSHOTS}plenary-outline-wordings.png` })
      provider.destroy()
      await context.close()
    },
  )
})
