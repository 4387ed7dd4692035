import path from 'node:path'
import { b64Vecs } from '@tldraw/tlschema'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { clusterFrame } from '../../shared/templates/clusterFrame'
import type { BoardAccessInfo, CreatedWorkshop } from '../../shared/workshopContracts'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, personContext, seriousViolations } from '../support/pages'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

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
    'captures every group, one board and one cluster into locked frames labelled with group, step and time',
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
      // Group 2 also has a cluster, and a note far from it that a capture of the cluster leaves out.
      const group2Doc = await boardDoc(workshop, group2!.id)
      writeRecords(group2Doc.doc, [
        clusterFrame(
          { id: 'shape:leadership', x: 0, y: 600, index: 'a2' },
          { w: 300, h: 300, name: 'Ledarskap' },
        ),
        noteShape(
          {
            id: 'shape:inCluster',
            parentId: 'shape:leadership',
            x: 50,
            y: 50,
            index: 'a1',
            meta: { polarity: 'hindering' },
          },
          { text: 'Chefer saknar tid', color: 'light-red' },
        ),
        noteShape(
          { id: 'shape:farAway', x: 3000, y: 0, index: 'a3', meta: { polarity: 'enabling' } },
          { text: 'Långt bort', color: 'light-green' },
        ),
      ])
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

      // With an agenda step running, Fånga on one cluster names the cluster and the step.
      const f = tokenOf(workshop.links.facilitator)
      const steps = [{ id: 'sort', title: 'Sortera', minutes: 20, mode: 'none' }]
      expect(
        (
          await call(
            server.url,
            'PUT',
            `/api/workshops/${workshop.id}/agenda`,
            { token: f },
            { steps },
          )
        ).status,
      ).toBe(200)
      expect(
        (
          await call(
            server.url,
            'POST',
            `/api/workshops/${workshop.id}/step`,
            { token: f },
            { stepId: 'sort' },
          )
        ).status,
      ).toBe(200)
      // The label takes the step the page knows: wait until the live channel has brought it.
      await page.locator('.step-now', { hasText: 'Sortera' }).waitFor()
      await page.getByLabel('Vad på tavlan').selectOption({ label: 'Klustret Ledarskap' })
      await page.getByRole('button', { name: 'Fånga', exact: true }).click()
      await waitFor(() => shapes(stored(), 'image').length === 4, 60_000)
      const clusterImage = shapes(stored(), 'image').find(
        (image) =>
          (image.meta as { captureCluster?: string }).captureCluster === 'shape:leadership',
      )!
      const clusterMeta = clusterImage.meta as { captureOf: string; captureLabel: string }
      expect(clusterMeta.captureOf).toBe(group2!.id)
      expect(clusterMeta.captureLabel).toMatch(/^Grupp 2 · Ledarskap · Sortera · \d\d:\d\d$/)
      const clusterFrameRecord = stored().find((record) => record.id === clusterImage.parentId)!
      expect(clusterFrameRecord.isLocked).toBe(true)
      expect((clusterFrameRecord.props as { name: string }).name).toBe(clusterMeta.captureLabel)
      const clusterProps = clusterImage.props as { altText: string; url: string; assetId: string }
      expect(clusterProps.altText).toMatch(
        /^Bild av klustret Ledarskap på tavlan Grupp 2 klockan \d\d:\d\d, under steget Sortera$/,
      )
      expect(clusterProps.url).toBe(`${server.url}/b/${group2!.id}`)
      // Only the cluster is in the picture: far narrower than the whole board of group 2.
      const assetOf = (image: RecordJson) =>
        stored().find((record) => record.id === (image.props as { assetId: string }).assetId)!
          .props as { w: number; h: number }
      const wholeGroup2 = shapes(stored(), 'image').find(
        (image) =>
          (image.meta as { captureOf: string }).captureOf === group2!.id &&
          !(image.meta as { captureCluster?: string }).captureCluster,
      )!
      expect(assetOf(clusterImage).w).toBeLessThan(assetOf(wholeGroup2).w / 3)
      expect(assetOf(clusterImage).w).toBeGreaterThan(200)
      await page.getByText('1 bild lades till.').waitFor({ timeout: 20_000 })

      // The recorder reads a group board without changing it, and without losing the socket.
      const groupRecords = () => readRecords(server.rooms.get(group1!.id)!.doc)
      const groupBefore = groupRecords()
      const reading = await (await personContext(browser, 'Dokumentatören')).newPage()
      await reading.setViewportSize({ width: 1024, height: 1366 })
      await reading.goto(`${server.url}/b/${group1!.id}?token=${token}`)
      await reading.waitForSelector('.tl-canvas', { timeout: 30_000 })
      await reading.getByText('Faktor från grupp 1').first().waitFor({ timeout: 30_000 })
      await reading.getByTestId('read-only').waitFor()
      await reading.waitForTimeout(2000)
      expect(await reading.getByText('Du kan inte längre skriva').count()).toBe(0)
      await reading.getByTestId('read-only').waitFor()
      expect(groupRecords()).toEqual(groupBefore)
      await reading.context().close()
      await context.close()
    },
  )
})

describe('the graphic recorder on an iPad', () => {
  it(
    'draws a pen stroke with real pressure, and the panels leave the canvas free in both orientations',
    { timeout: 150_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 6',
        groups: 2,
        template: 'blank',
        language: 'sv',
      })
      const recorder = workshop.boards.find((board) => board.kind === 'recorder')!
      const stored = () => readRecords(server.rooms.get(recorder.id)!.doc)
      const context = await personContext(browser, 'Dokumentatören')
      const page = await context.newPage()
      await page.setViewportSize({ width: 1024, height: 1366 })
      await page.goto(`${server.url}/b/${recorder.id}?token=${tokenOf(workshop.links.recorder)}`)
      await page.waitForSelector('.tl-canvas', { timeout: 30_000 })
      // The recorder captures and draws; the groups' sorting panel is not theirs.
      await page.getByRole('button', { name: 'Fånga alla grupper' }).waitFor()
      expect(await page.locator('.factor-panel').count()).toBe(0)
      expect(await seriousViolations(page, '.capture-side')).toEqual([])

      for (const [name, width, height] of [
        ['ipad-portrait', 1024, 1366],
        ['ipad-landscape', 1366, 1024],
      ] as const) {
        await page.setViewportSize({ width, height })
        await page.waitForTimeout(400)
        const canvas = (await page.locator('.tl-canvas').boundingBox())!
        const panel = (await page.locator('.capture-side').boundingBox())!
        expect(panel.x).toBeGreaterThanOrEqual(canvas.x + canvas.width - 1)
        expect(canvas.width).toBeGreaterThan(width * 0.6)
        // Everything in the top bar is on the screen, nothing cut at the right edge.
        for (const control of await page.locator('.board-bar :is(button, select, a)').all()) {
          const box = await control.boundingBox()
          if (box) expect(box.x + box.width).toBeLessThanOrEqual(width)
        }
        await page.screenshot({ path: path.join(SCREENSHOTS, `recorder-${name}.png`) })
      }

      // A pen: tldraw's pen mode takes its pressure, which varies along the stroke.
      await page.setViewportSize({ width: 1024, height: 1366 })
      await page.waitForTimeout(400)
      await page.keyboard.press('d')
      const canvas = (await page.locator('.tl-canvas').boundingBox())!
      const cdp = await context.newCDPSession(page)
      const pen = (
        type: 'mousePressed' | 'mouseMoved' | 'mouseReleased',
        i: number,
        force: number,
      ) =>
        cdp.send('Input.dispatchMouseEvent', {
          type,
          x: canvas.x + 120 + i * 25,
          y: canvas.y + canvas.height / 2 + Math.sin(i / 2) * 40,
          button: 'left',
          buttons: type === 'mouseReleased' ? 0 : 1,
          clickCount: 1,
          pointerType: 'pen',
          force,
        })
      await pen('mousePressed', 0, 0.1)
      for (let i = 1; i <= 16; i++) await pen('mouseMoved', i, 0.1 + (i % 8) * 0.1)
      await pen('mouseReleased', 16, 0)
      await waitFor(() => shapes(stored(), 'draw').length === 1, 20_000)
      const stroke = shapes(stored(), 'draw')[0]!
      const props = stroke.props as {
        isPen: boolean
        segments: { path: string; dim?: 2 | 3 }[]
      }
      expect(props.isPen).toBe(true)
      const pressures = props.segments.flatMap((segment) =>
        b64Vecs.decodePoints(segment.path, segment.dim).map((point) => point.z ?? 0.5),
      )
      expect(pressures.length).toBeGreaterThan(5)
      expect(Math.max(...pressures) - Math.min(...pressures)).toBeGreaterThan(0.3)
      await page.screenshot({ path: path.join(SCREENSHOTS, 'recorder-pen-stroke.png') })
      await context.close()
    },
  )
})
