import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { BoardAccessInfo, CreatedWorkshop } from '../../shared/workshopContracts'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, personContext, seriousViolations } from '../support/pages'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { createWorkshop, tokenOf } from '../support/workshopClients'

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

const AUTHOR = 'Zlatan Testsson'
const KEPT = 'Tid för kollegialt lärande'
const PHONE = 'Ring Eva på 070-123 45 67'
const SCREENS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'ipad-portrait', width: 1024, height: 1366 },
  { name: 'ipad-landscape', width: 1366, height: 1024 },
]

/** A Node y-websocket client on a board, to write what a group wrote and read what is stored. */
async function boardDoc(workshop: CreatedWorkshop, boardId: string) {
  const token = tokenOf(workshop.links.facilitator)
  const response = await fetch(`${server.url}/api/boards/${boardId}?token=${token}`)
  const board = (await response.json()) as BoardAccessInfo
  const client = connectProvider(board.sync)
  cleanups.push(() => client.provider.destroy())
  await whenSynced(client.provider)
  return client
}

const note = (id: string, x: number, text: string): RecordJson =>
  noteShape(
    { id, x, y: 100, index: `a${x}`, meta: { polarity: 'enabling', author: AUTHOR, createdAt: 1 } },
    { text, color: 'light-green' },
  )

const hasNote = (records: RecordJson[], id: string) => records.some((record) => record.id === id)

async function openVersions(page: Page) {
  await page.getByText('Verktyg', { exact: true }).click()
  await page.getByRole('button', { name: 'Versioner' }).click()
}

async function screenshots(page: Page, name: string) {
  for (const screen of SCREENS) {
    await page.setViewportSize({ width: screen.width, height: screen.height })
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${screen.name}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

describe('the outcome in Chromium', () => {
  it(
    'saves, previews and restores a version of a board from its Versioner dialog',
    { timeout: 120_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 3',
        groups: 1,
        template: 'blank',
        language: 'sv',
      })
      const group = workshop.boards.find((board) => board.kind === 'group')!
      const client = await boardDoc(workshop, group.id)
      writeRecords(client.doc, [note('shape:kept', 1, KEPT), note('shape:gone', 2, 'Snart borta')])

      const context = await personContext(browser, 'Samtalsledaren')
      const page = await context.newPage()
      const token = tokenOf(workshop.links.facilitator)
      await page.goto(`${server.url}/b/${group.id}?token=${token}`)
      await page.waitForSelector('.tl-canvas', { timeout: 30_000 })

      await openVersions(page)
      const dialog = page.getByRole('dialog', { name: 'Tavlans versioner' })
      await dialog.getByLabel('Versionens namn').fill('Före lunch')
      await page.keyboard.press('Enter')
      await dialog.getByText('Versionen ”Före lunch” är sparad.').waitFor()
      await dialog.getByText('namngiven').waitFor()
      expect(await seriousViolations(page, 'dialog')).toEqual([])
      await screenshots(page, 'versions-list')
      await page.keyboard.press('Escape')

      // The group deletes a note after the version was saved.
      client.doc.transact(() => client.doc.getMap('records').delete('shape:gone'))
      await waitFor(() => !hasNote(readRecords(server.rooms.get(group.id)!.doc), 'shape:gone'))

      await openVersions(page)
      await page.getByRole('button', { name: 'Förhandsgranska: Före lunch' }).click()
      const preview = page.getByRole('dialog', { name: 'Förhandsgranskning: Före lunch' })
      await preview.getByTestId('version-preview').getByText('Snart borta').waitFor()
      await preview.getByText('främjande: Snart borta').waitFor()
      expect(await seriousViolations(page, 'dialog')).toEqual([])
      await screenshots(page, 'versions-preview')

      // Återställ som kopia makes a separate board; the live board stays as it is.
      await preview.getByRole('button', { name: 'Återställ som kopia' }).click()
      const copyLink = preview.getByRole('link', { name: 'Öppna kopian' })
      await copyLink.waitFor()
      expect(hasNote(readRecords(server.rooms.get(group.id)!.doc), 'shape:gone')).toBe(false)
      const copyId = new URL((await copyLink.getAttribute('href'))!).pathname.split('/')[2]!
      expect(copyId).not.toBe(group.id)

      await preview.getByRole('button', { name: 'Återställ', exact: true }).click()
      // The question is the shared ConfirmDialog: a modal of its own, by keyboard too.
      const question = page.getByRole('dialog', { name: 'Återställ tavlan till ”Före lunch”?' })
      await question.getByText(/sparas först som en automatisk version/).waitFor()
      expect(await seriousViolations(page, 'dialog[open]')).toEqual([])
      await page.screenshot({ path: path.join(SCREENSHOTS, 'versions-restore-confirm.png') })
      await question.getByRole('button', { name: 'Återställ', exact: true }).click()
      await page.getByText('Tavlan är återställd till ”Före lunch”.').waitFor()
      await waitFor(() => hasNote(readRecords(client.doc), 'shape:gone'))

      await openVersions(page)
      await page.getByText('Före återställning').waitFor()
      await page.getByText('automatisk').first().waitFor()
      await context.close()
    },
  )

  it(
    'downloads the report and publishes, republishes and unpublishes the open page',
    { timeout: 120_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 4',
        groups: 1,
        language: 'sv',
      })
      const group = workshop.boards.find((board) => board.kind === 'group')!
      const client = await boardDoc(workshop, group.id)
      writeRecords(client.doc, [note('shape:kept', 1, KEPT), note('shape:phone', 2, PHONE)])
      await waitFor(() => hasNote(readRecords(server.rooms.get(group.id)!.doc), 'shape:phone'))

      const context = await personContext(browser, 'Samtalsledaren')
      const page = await context.newPage()
      await page.goto(workshop.links.facilitator)
      await page.getByRole('heading', { name: 'Rapport' }).waitFor()

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Ladda ner rapporten som Markdown' }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(/\.md$/)
      const markdown = fs.readFileSync((await download.path())!, 'utf8')
      expect(markdown).toContain(KEPT)
      const [docx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Ladda ner rapporten som Word (DOCX)' }).click(),
      ])
      expect(
        fs
          .readFileSync((await docx.path())!)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK')

      // The phone number is flagged and edited in the copy before publishing.
      const warnings = page.getByRole('region', {
        name: /Lappar som kan innehålla personuppgifter/,
      })
      await warnings.getByText('Grupp 1: telefonnummer').waitFor()
      await warnings.getByLabel('Text i den publicerade kopian (Grupp 1)').fill('Ring Eva')
      expect(await seriousViolations(page, '.facilitator-side')).toEqual([])
      await screenshots(page, 'outcome-facilitator')
      await page.getByRole('button', { name: 'Publicera', exact: true }).click()
      await page.getByText('Publicerad som version 1.').waitFor()
      const url = (await page.getByTestId('published-url').textContent())!

      const visitor = await browser.newContext({ locale: 'sv-SE' })
      const open = await visitor.newPage()
      const response = await open.goto(url)
      expect(response!.status()).toBe(200)
      const text = await open.locator('body').innerText()
      expect(text).toContain(KEPT)
      expect(text).toContain('Ring Eva')
      expect(text).not.toContain('070-123')
      expect(text).not.toContain(AUTHOR)
      expect(await seriousViolations(open)).toEqual([])
      await screenshots(open, 'outcome-open-page')

      await page.getByLabel('Vad har ändrats sedan förra versionen?').fill('Rättat stavning')
      await page.getByRole('button', { name: 'Publicera igen' }).click()
      await page.getByText('Publicerad som version 2.').waitFor()
      await open.reload()
      expect(await open.locator('body').innerText()).toContain('Rättat stavning')

      await page.getByRole('button', { name: 'Avpublicera' }).click()
      await page.getByRole('dialog').getByRole('button', { name: 'Avpublicera' }).click()
      await page.getByText('Den öppna sidan är avpublicerad.').waitFor()
      expect((await open.goto(url))!.status()).toBe(410)
      await visitor.close()
      await context.close()
    },
  )
})
