import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { BoardRecords } from '../../shared/captureContracts'
import type { CreatedBoard } from '../../shared/workshopContracts'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, openBoard, personContext, seriousViolations } from '../support/pages'
import { connectProvider, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { tokenOf } from '../support/workshopClients'

let server: TestServer
let browser: Browser
const cleanups: (() => void)[] = []

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchChromium()
})

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await browser?.close()
  await server?.stop()
})

async function standaloneBoard(title: string): Promise<CreatedBoard> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  return (await response.json()) as CreatedBoard
}

async function recordsOf(board: CreatedBoard): Promise<RecordJson[]> {
  const token = tokenOf(board.links.facilitator)
  const response = await fetch(`${server.url}/api/boards/${board.id}/records?token=${token}`)
  return ((await response.json()) as BoardRecords).records
}

const images = (records: RecordJson[]) =>
  records.filter((record) => record.typeName === 'shape' && record.type === 'image')

describe('capturing a standalone board into another board in Chromium', () => {
  it(
    'puts the picture on a recent board the person may edit, and says so plainly when a viewer link may not',
    { timeout: 150_000 },
    async () => {
      const source = await standaloneBoard('Idéer')
      const target = await standaloneBoard('Samlat')
      const sourceDoc = connectProvider(source.sync)
      cleanups.push(() => sourceDoc.provider.destroy())
      await whenSynced(sourceDoc.provider)
      writeRecords(sourceDoc.doc, [
        noteShape(
          { id: 'shape:idea', x: 0, y: 0, index: 'a1', meta: { polarity: 'enabling' } },
          { text: 'Dela erfarenheter', color: 'light-green' },
        ),
      ])

      const context = await personContext(browser, 'Kim')
      const page = await context.newPage()
      // The target was opened in this browser before, so it is among the recent boards.
      await openBoard(page, target.links.facilitator)
      await openBoard(page, source.links.participant)
      await page.getByText('Dela erfarenheter').first().waitFor({ timeout: 30_000 })

      const openDialog = async () => {
        await page.getByText('Verktyg', { exact: true }).click()
        await page.getByRole('button', { name: 'Fånga till en annan tavla …' }).click()
        await page.getByRole('dialog', { name: 'Fånga till en annan tavla' }).waitFor()
      }
      await openDialog()
      expect(await seriousViolations(page, 'dialog')).toEqual([])
      await page.screenshot({ path: path.join(SCREENSHOTS, 'capture-elsewhere-dialog.png') })
      await expect.poll(() => page.getByLabel('Till tavlan').inputValue()).toBe(target.id)
      await page.getByRole('dialog').getByRole('button', { name: 'Fånga', exact: true }).click()
      await page.getByText('Bilden lades på Samlat.').waitFor({ timeout: 60_000 })
      const placed = images(await recordsOf(target))
      expect(placed).toHaveLength(1)
      expect(placed[0]!.meta).toMatchObject({
        captureOf: source.id,
        captureLabel: expect.stringMatching(/^Idéer · \d\d:\d\d$/),
      })
      expect((placed[0]!.props as { altText: string }).altText).toMatch(
        /^Bild av tavlan Idéer klockan \d\d:\d\d$/,
      )

      // A viewer link of the target: the server refuses, the dialog says why, nothing lands.
      // Compared by id: a fresh client's map order follows the order updates reached it.
      const byId = (records: Awaited<ReturnType<typeof recordsOf>>) =>
        [...records].sort((a, b) => a.id.localeCompare(b.id))
      const before = byId(await recordsOf(target))
      await openDialog()
      await page
        .getByLabel('Till tavlan')
        .selectOption({ label: 'En annan tavla: klistra in länken' })
      await page.getByLabel('Länk till tavlan').fill(target.links.viewer)
      await page.getByRole('dialog').getByRole('button', { name: 'Fånga', exact: true }).click()
      await page
        .getByRole('alert')
        .getByText('Den länken får inte ändra tavlan. Använd en länk som får skriva på den.')
        .waitFor({ timeout: 60_000 })
      // A link to another host is never asked at all.
      await page.getByLabel('Länk till tavlan').fill(`https://example.org/b/${target.id}?token=x`)
      await page.getByRole('dialog').getByRole('button', { name: 'Fånga', exact: true }).click()
      await page
        .getByRole('alert')
        .getByText('Det är ingen länk till en tavla på den här servern.')
        .waitFor()
      await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click()
      expect(byId(await recordsOf(target))).toEqual(before)

      // The target board shows the capture as tldraw draws any image.
      await openBoard(page, target.links.facilitator)
      await page.locator('.tl-shape[data-shape-type="image"]').waitFor({ timeout: 30_000 })
      await page.waitForTimeout(500)
      await page.screenshot({ path: path.join(SCREENSHOTS, 'capture-elsewhere-target.png') })
      await context.close()
    },
  )
})
