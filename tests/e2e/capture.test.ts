import path from 'node:path'
import type { Browser } from 'playwright-core'
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

async function boardDoc(workshop: CreatedWorkshop, boardId: string) {
  const token = tokenOf(workshop.links.facilitator)
  const response = await fetch(`${server.url}/api/boards/${boardId}?token=${token}`)
  const client = connectProvider(((await response.json()) as BoardAccessInfo).sync)
  cleanups.push(() => client.provider.destroy())
  await whenSynced(client.provider)
  return client
}

const shapes = (records: RecordJson[], type: string) =>
  records.filter((record) => record.typeName === 'shape' && record.type === type)

describe('the graphic recorder in Chromium', () => {
  it(
    'captures every group and the plenary into locked, labelled frames, and draws with the pen on an iPad',
    { timeout: 150_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 5',
        groups: 2,
        template: 'blank',
        language: 'sv',
      })
      const [group1, group2] = workshop.boards.filter((board) => board.kind === 'group')
      for (const [i, group] of [group1!, group2!].entries()) {
        const client = await boardDoc(workshop, group.id)
        writeRecords(client.doc, [
          noteShape(
            { id: `shape:note${i}`, x: 0, y: 0, index: 'a1', meta: { polarity: 'enabling' } },
            { text: `Faktor från grupp ${i + 1}`, color: 'light-green' },
          ),
        ])
      }
      const plenary = workshop.boards.find((board) => board.kind === 'plenary')!
      const recorder = workshop.boards.find((board) => board.kind === 'recorder')!
      const stored = () => readRecords(server.rooms.get(recorder.id)!.doc)

      const context = await personContext(browser, 'Dokumentatören')
      const page = await context.newPage()
      await page.setViewportSize({ width: 1024, height: 1366 })
      const token = tokenOf(workshop.links.recorder)
      await page.goto(`${server.url}/b/${recorder.id}?token=${token}`)
      await page.waitForSelector('.tl-canvas', { timeout: 30_000 })
      expect(await seriousViolations(page, '.capture-panel')).toEqual([])

      await page.getByRole('button', { name: 'Fånga alla grupper' }).click()
      // The plenary is empty until a gathering: it is said, not captured.
      await page.getByText('2 bilder lades till. Plenum är tom och fångades inte.').waitFor({
        timeout: 60_000,
      })
      await waitFor(() => shapes(stored(), 'image').length === 2, 20_000)
      const frames = shapes(stored(), 'frame')
      expect(frames.map((frame) => (frame.props as { name: string }).name).sort()).toEqual([
        expect.stringMatching(/^Grupp 1 · \d\d:\d\d$/),
        expect.stringMatching(/^Grupp 2 · \d\d:\d\d$/),
      ])
      expect(frames.every((frame) => frame.isLocked)).toBe(true)
      const images = shapes(stored(), 'image')
      expect(images.every((image) => image.isLocked)).toBe(true)
      expect(images.map((image) => (image.meta as { captureOf: string }).captureOf).sort()).toEqual(
        [group1!.id, group2!.id].sort(),
      )
      for (const image of images) {
        const props = image.props as { altText: string; url: string; assetId: string }
        expect(props.altText).toMatch(/^Bild av tavlan Grupp \d klockan/)
        expect(props.url).toContain('/b/')
        const asset = stored().find((record) => record.id === props.assetId)!
        const src = (asset.props as { src: string }).src
        const served = await fetch(`${server.url}${src}`)
        expect(served.headers.get('content-type')).toBe('image/png')
      }

      // Fånga on one board adds one more, leaving the earlier ones as they were.
      await page.getByLabel('Tavla att fånga').selectOption({ label: plenary.name })
      await page.getByLabel('Tavla att fånga').selectOption({ label: group2!.name })
      await page.getByRole('button', { name: 'Fånga', exact: true }).click()
      await page.getByText('1 bild lades till.').waitFor({ timeout: 60_000 })
      await waitFor(() => shapes(stored(), 'image').length === 3, 20_000)
      await page.waitForTimeout(500)
      for (const [name, width, height] of [
        ['ipad-portrait', 1024, 1366],
        ['ipad-landscape', 1366, 1024],
        ['desktop', 1280, 800],
      ] as const) {
        await page.setViewportSize({ width, height })
        await page.keyboard.press('Shift+1')
        await page.waitForTimeout(400)
        await page.screenshot({ path: path.join(SCREENSHOTS, `capture-recorder-${name}.png`) })
      }

      // A pen stroke at iPad size lands on the recorder board.
      await page.setViewportSize({ width: 1024, height: 1366 })
      const drawsBefore = shapes(stored(), 'draw').length
      await page.locator('.tl-canvas').click({ position: { x: 100, y: 100 } })
      await page.keyboard.press('Escape')
      await page.keyboard.press('d')
      await page.mouse.move(150, 1000)
      await page.mouse.down()
      for (let i = 1; i <= 10; i++) await page.mouse.move(150 + i * 20, 1000 + i * 8)
      await page.mouse.up()
      await waitFor(() => shapes(stored(), 'draw').length === drawsBefore + 1, 20_000)
      await context.close()
    },
  )
})
