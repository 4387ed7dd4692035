import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import { readRecord, readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { SCREENSHOTS, onCanvas, personContext, seriousViolations } from '../support/pages'
import { participantPage } from '../support/participantPages'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { chromiumHarness } from '../support/chromiumHarness'
import { createWorkshop } from '../support/workshopClients'

const e2e = chromiumHarness()
const { contexts } = e2e

/** Two fractional indices above every shape already on the board (its template's areas). */
function notesAbove(records: readonly RecordJson[]): [string, string] {
  const top = records
    .map((record) => record.index)
    .filter((index): index is string => typeof index === 'string')
    .sort()
    .at(-1)
  const [first, second] = getIndicesAbove(top as IndexKey | undefined, 2)
  return [first!, second!]
}

describe('separate budgets for hindering and enabling in Chromium', () => {
  it(
    'starts a vote with two budgets and spends each on its own notes',
    { timeout: 180_000 },
    async () => {
      const workshop = await createWorkshop(e2e.server.url, {
        title: 'Träff 10',
        groups: 1,
        language: 'sv',
      })
      const board = workshop.boards[0]!
      const client = connectProvider(board.sync)
      await whenSynced(client.provider)
      // Above the template's areas, as a person's notes are: with an area's own index the
      // stacking of the two would be arbitrary (it follows the Yjs client ids), and in about
      // half the runs the area covered "Ingen tid".
      const [hindering, enabling] = notesAbove(readRecords(client.doc))
      writeRecords(client.doc, [
        noteShape(
          { id: 'shape:h', x: 0, y: 0, index: hindering, meta: { polarity: 'hindering' } },
          { text: 'Ingen tid', color: 'light-red' },
        ),
        noteShape(
          { id: 'shape:e', x: 260, y: 0, index: enabling, meta: { polarity: 'enabling' } },
          { text: 'Nyfikna kollegor', color: 'light-green' },
        ),
      ])
      await waitFor(() => {
        const doc = e2e.server.rooms.get(board.id)?.doc
        return doc !== undefined && readRecord(doc, 'shape:e') !== undefined
      })
      client.provider.destroy()
      const anna = await participantPage(e2e.browser, e2e.server.url, workshop, 0, 'Anna', contexts)
      await onCanvas(anna, 'Ingen tid').waitFor({ timeout: 20_000 })

      const facilitator = await (await personContext(e2e.browser, 'Samtalsledaren')).newPage()
      contexts.push(facilitator.context())
      await facilitator.goto(workshop.links.facilitator)
      const panel = facilitator.locator('.vote-panel')
      await panel.getByLabel('Separata röster för hämmande och främjande').check()
      await panel.getByLabel('⊖ Röster på hämmande faktorer').fill('1')
      await panel.getByLabel('⊕ Röster på främjande faktorer').fill('2')
      expect(await seriousViolations(facilitator, '.vote-panel')).toEqual([])
      await panel.screenshot({ path: `${SCREENSHOTS}vote-budgets-form.png` })
      await panel.getByRole('button', { name: 'Starta röstningen' }).click()
      await facilitator
        .getByTestId('active-vote')
        .getByText('1 på hämmande och 2 på främjande')
        .waitFor()

      const remaining = anna.getByTestId('vote-remaining')
      await remaining.filter({ hasText: '(1 på hämmande, 2 på främjande)' }).waitFor()
      await onCanvas(anna, 'Ingen tid').click()
      await remaining.filter({ hasText: '(0 på hämmande, 2 på främjande)' }).waitFor()
      // The hindering budget is spent: the server refuses, the enabling one is untouched.
      await onCanvas(anna, 'Ingen tid').click()
      await anna.getByRole('alert').filter({ hasText: 'hämmande eller främjande' }).waitFor()
      await onCanvas(anna, 'Nyfikna kollegor').click()
      await remaining.filter({ hasText: '(0 på hämmande, 1 på främjande)' }).waitFor()
      expect(await seriousViolations(anna, '.day-bar')).toEqual([])
      await anna.screenshot({ path: `${SCREENSHOTS}vote-budgets.png` })
    },
  )
})
