import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { BoardAccessInfo, CreatedWorkshop } from '../../shared/workshopContracts'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, personContext } from '../support/pages'
import { connectProvider, whenSynced } from '../support/syncClients'
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

async function writeNote(workshop: CreatedWorkshop, boardId: string, text: string) {
  const token = tokenOf(workshop.links.facilitator)
  const response = await fetch(`${server.url}/api/boards/${boardId}?token=${token}`)
  const client = connectProvider(((await response.json()) as BoardAccessInfo).sync)
  cleanups.push(() => client.provider.destroy())
  await whenSynced(client.provider)
  writeRecords(client.doc, [
    noteShape(
      {
        id: `shape:${boardId.slice(0, 8)}`,
        x: 0,
        y: 0,
        index: 'a1',
        meta: { polarity: 'hindering' },
      },
      { text, color: 'light-red' },
    ),
  ])
}

async function downloaded(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()])
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) }
}

/** Draws a PDF's first page as a PNG beside the screenshots, to look at. */
function pdfPreview(bytes: Buffer, name: string) {
  const pdf = path.join(os.tmpdir(), `samskapa-${name}.pdf`)
  fs.writeFileSync(pdf, bytes)
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '40',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    path.join(SCREENSHOTS, name),
  ])
}

describe('exports in Chromium', () => {
  it(
    'downloads a board as PNG, SVG and PDF, and the workshop as a PDF with a page per board',
    { timeout: 150_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 6',
        groups: 2,
        template: 'blank',
        language: 'sv',
      })
      for (const [i, board] of workshop.boards.entries()) {
        await writeNote(workshop, board.id, `Lapp på tavla ${i + 1}`)
      }
      const group = workshop.boards[0]!
      const context = await personContext(browser, 'Samtalsledaren')
      const page = await context.newPage()
      const token = tokenOf(workshop.links.facilitator)
      await page.goto(`${server.url}/b/${group.id}?token=${token}`)
      await page.waitForSelector('.tl-canvas', { timeout: 30_000 })
      await page.getByText('Lapp på tavla 1').first().waitFor()

      const exportAs = (format: string) =>
        downloaded(page, async () => {
          await page.getByText('Verktyg', { exact: true }).click()
          await page.getByRole('button', { name: `Exportera som ${format}` }).click()
        })
      const png = await exportAs('PNG')
      expect(png.name).toBe('Grupp 1.png')
      expect(png.bytes.subarray(1, 4).toString()).toBe('PNG')
      fs.writeFileSync(path.join(SCREENSHOTS, 'export-board.png'), png.bytes)
      const svg = await exportAs('SVG')
      expect(svg.bytes.toString()).toMatch(/^<svg[\s\S]*Lapp på tavla 1/)
      // The polarity badge is drawn into exports too, in words, not only as the note's colour.
      expect(svg.bytes.toString()).toContain('⊖ hämmande')
      const pdf = await exportAs('PDF')
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
      expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(1)
      pdfPreview(pdf.bytes, 'export-board')

      await page.goto(workshop.links.facilitator)
      const all = await downloaded(page, () =>
        page.getByRole('button', { name: 'Alla tavlor som PDF' }).click(),
      )
      expect(all.name).toBe('Träff 6.pdf')
      const document = await PDFDocument.load(all.bytes)
      // Two groups, the plenary and the recorder board.
      expect(document.getPageCount()).toBe(workshop.boards.length)
      expect(document.getPageCount()).toBe(4)
      pdfPreview(all.bytes, 'export-workshop')
      await page.getByText('Träff 6.pdf laddades ner.').waitFor()
      await context.close()
    },
  )
})
