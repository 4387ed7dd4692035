import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import * as Y from 'yjs'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { frameShape, noteShape } from '../../shared/board/shapeRecords'
import type { Synthesis } from '../../shared/workshopContracts'
import { launchChromium } from '../support/browser'
import {
  SCREENSHOTS,
  onCanvas,
  openBoard,
  personContext,
  seriousViolations,
} from '../support/pages'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
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

/** Group 1 and 2 say the same thing; group 3 says something the facilitator will merge in. */
const TEXTS = [
  'Chefer saknar tid för förändringsarbete',
  'Cheferna har ingen tid för förändring',
  'Beslut fattas långt från verksamheten',
]

function writeGroupNote(doc: Y.Doc, text: string) {
  writeRecords(doc, [
    frameShape(
      { id: 'shape:c', x: 0, y: 0, index: 'a1', meta: { kind: 'cluster' } },
      { w: 600, h: 600, name: 'Ledarskap', color: 'black' },
    ),
    noteShape(
      {
        id: 'shape:n',
        x: 10,
        y: 40,
        index: 'a2',
        parentId: 'shape:c',
        meta: { polarity: 'hindering', createdAt: 1 },
      },
      { text, color: 'light-red' },
    ),
  ])
}

/** The plenary's synthesis notes, each as the sorted texts of its groups' wordings. */
function entries(doc: Y.Doc): string[][] {
  return readRecords(doc)
    .filter((record: RecordJson) => record.type === 'note')
    .map((note) =>
      ((note.meta as { wordings?: { text: string }[] }).wordings ?? []).map((w) => w.text).sort(),
    )
    .sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()))
}

describe('the facilitator corrects the synthesis in Chromium', () => {
  it(
    'sees why factors were merged, splits one off on the canvas, merges two in the outline, and gathering keeps both',
    { timeout: 120_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Plenum',
        groups: 3,
        template: 'blank',
      })
      const facilitator = { token: tokenOf(workshop.links.facilitator) }
      const groupBoards = workshop.boards.filter((board) => board.kind === 'group')
      for (const [i, board] of groupBoards.entries()) {
        const { doc, provider } = connectProvider(board.sync)
        await whenSynced(provider)
        writeGroupNote(doc, TEXTS[i]!)
        await waitFor(() => provider.synced)
        provider.destroy()
      }
      const plenaryBoard = workshop.boards.find((board) => board.kind === 'plenary')!
      const plenary = connectProvider(plenaryBoard.sync)
      await whenSynced(plenary.provider)
      /** Gathers; returns each entry the plenary shows as the sorted texts of its wordings. */
      const gather = async () => {
        const response = await call(
          server.url,
          'POST',
          `/api/workshops/${workshop.id}/gather`,
          facilitator,
          {},
        )
        expect(response.status).toBe(200)
        const synthesis = (await response.json()) as Synthesis
        return synthesis.keyAreas
          .flatMap((area) => area.hindering)
          .map((entry) => entry.wordings.map((w) => w.text).sort())
          .sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()))
      }
      // The group boards reach storage a moment after their clients synced.
      await expect.poll(async () => (await gather()).length, { timeout: 20_000 }).toBe(2)
      await waitFor(() => entries(plenary.doc).some((wordings) => wordings.length === 2))
      expect(entries(plenary.doc)).toEqual([[TEXTS[2]], [TEXTS[0], TEXTS[1]].sort()])

      const context = await personContext(browser, 'Samtalsledaren')
      const page = await context.newPage()
      await openBoard(page, new URL(plenaryBoard.url, server.url).href)

      // On the canvas: the merged note says why, and one button splits a wording off.
      const merged = onCanvas(page, /nämnd av 2 av 3 grupper/).first()
      await merged.waitFor({ timeout: 15_000 })
      await merged.click()
      const panel = page.getByRole('complementary', { name: 'Gruppernas formuleringar' })
      await panel.waitFor()
      await panel.getByText('Gemensam idé:').waitFor()
      await panel.getByText(/Säkerhet: (hög|medel|låg) \(\d+ %\)/).waitFor()
      await page.screenshot({ path: `${SCREENSHOTS}synthesis-why.png` })
      await panel.getByRole('button', { name: new RegExp(`Dela ut .*${TEXTS[1]}`) }).click()
      await waitFor(() => entries(plenary.doc).every((wordings) => wordings.length === 1))
      expect(entries(plenary.doc)).toHaveLength(3)
      await onCanvas(page, /nämnd av 1 av 3 grupper/)
        .nth(2)
        .waitFor({ timeout: 10_000 })
      await page.screenshot({ path: `${SCREENSHOTS}synthesis-split.png` })

      // In the outline: each entry shows the groups' wordings; merging takes one choice.
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Listvy' }).click()
      const entryOf = (text: string) => page.locator('li.factor').filter({ hasText: text }).first()
      await entryOf(TEXTS[0]!).getByRole('heading', { name: 'Gruppernas formuleringar' }).waitFor()
      await entryOf(TEXTS[0]!).getByLabel('Slå ihop med').selectOption({ label: TEXTS[2]! })
      await entryOf(TEXTS[0]!).getByRole('button', { name: 'Slå ihop', exact: true }).click()
      const afterOutline = [[TEXTS[1]], [TEXTS[0], TEXTS[2]].sort()]
      await waitFor(() => entries(plenary.doc).length === 2)
      expect(entries(plenary.doc)).toEqual(afterOutline)
      await page.getByText('Ändrad för hand').first().waitFor()
      expect(await seriousViolations(page, '.outline')).toEqual([])
      await page.screenshot({ path: `${SCREENSHOTS}synthesis-outline.png`, fullPage: true })

      // Gathering again keeps every decision.
      expect(await gather()).toEqual(afterOutline)
      await waitFor(() => entries(plenary.doc).length === 2)
      expect(entries(plenary.doc)).toEqual(afterOutline)
      plenary.provider.destroy()
      await context.close()
    },
  )
})
