import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { BoardAccessInfo, WorkshopInfo } from '../../shared/workshopContracts'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, addNote, onCanvas, personContext, seriousViolations } from '../support/pages'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'

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

const people = [
  { name: 'Anna', municipality: 'Malmö' },
  { name: 'Bertil', municipality: 'Lund' },
  { name: 'Cecilia', municipality: 'Ystad' },
]

/** What each group writes into its key areas; the first two groups say the same thing. */
const factorsByGroup: { cluster: string; polarity: 'hindering' | 'enabling'; text: string }[][] = [
  [
    { cluster: 'Ledarskap', polarity: 'hindering', text: 'Ledningen saknar en gemensam bild' },
    { cluster: 'Kompetens och lärande', polarity: 'enabling', text: 'Tid för kollegialt lärande' },
  ],
  [
    { cluster: 'Ledarskap', polarity: 'hindering', text: 'Ledningen saknar gemensam bild' },
    { cluster: 'Samverkan', polarity: 'enabling', text: 'Nätverk mellan kommunerna' },
  ],
  [{ cluster: 'Ledarskap', polarity: 'enabling', text: 'Chefer som går före och visar vägen' }],
]

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`)
  if (!response.ok) throw new Error(`${path}: ${response.status}`)
  return (await response.json()) as T
}

/** A Node y-websocket client on a board, to read or write what the server holds. */
async function boardDoc(boardId: string, token: string) {
  const board = await getJson<BoardAccessInfo>(`/api/boards/${boardId}?token=${token}`)
  const client = connectProvider(board.sync)
  await whenSynced(client.provider)
  return client
}

const notesIn = (records: RecordJson[]) => records.filter((record) => record.type === 'note')

/** Puts factors into the template's cluster frames, as a group would by dragging notes. */
function writeFactors(records: RecordJson[], factors: (typeof factorsByGroup)[number]) {
  return factors.map((factor, i) => {
    const frame = records.find(
      (record) =>
        record.type === 'frame' &&
        (record.props as { name: string }).name === factor.cluster &&
        (record.meta as { kind?: string }).kind === 'cluster',
    )
    if (!frame) throw new Error(`no cluster ${factor.cluster}`)
    return noteShape(
      {
        id: `shape:e2e-${factor.polarity}-${i}-${Math.random().toString(36).slice(2, 8)}`,
        x: factor.polarity === 'hindering' ? 60 : 560,
        y: 120 + i * 10,
        index: `a${5 + i}`,
        parentId: frame.id,
        meta: { polarity: factor.polarity, createdAt: Date.now() },
      },
      { text: factor.text, color: factor.polarity === 'hindering' ? 'light-red' : 'light-green' },
    )
  })
}

async function join(page: Page, link: string, person: (typeof people)[number]) {
  await page.goto(link)
  await page.getByLabel('Namn').fill(person.name)
  await page.getByLabel('Kommun (valfritt)').fill(person.municipality)
  await page.getByRole('button', { name: 'Gå med' }).click()
  await page.getByText('Samtalsledaren delar snart in grupperna').waitFor()
}

describe('a workshop day in Chromium', () => {
  it(
    'forms mixed groups, gathers the groups in plenary, and keeps viewers read-only',
    { timeout: 90_000 },
    async () => {
      const facilitatorContext = await personContext(browser, 'Samtalsledaren')
      const facilitator = await facilitatorContext.newPage()
      await facilitator.goto(server.url)
      await facilitator.getByLabel('Workshopens namn').fill('Träff 2 – Digital förändring')
      await facilitator.getByLabel('Antal grupper').fill('3')
      await facilitator.getByLabel('Båda spåren').check()
      await facilitator.getByLabel('Grupptavlor').selectOption('key-areas')
      await facilitator.getByRole('button', { name: 'Skapa workshop' }).click()
      await facilitator.getByRole('heading', { name: 'Workshopen är skapad' }).waitFor()
      const links = {
        facilitator: await facilitator.getByLabel('Samtalsledarens länk').inputValue(),
        participant: await facilitator.getByLabel('Deltagarlänk').inputValue(),
        viewer: await facilitator.getByLabel('Åhörarlänk').inputValue(),
      }
      const workshopId = new URL(links.facilitator).pathname.split('/')[2]!
      const facilitatorToken = tokenOf(links.facilitator)

      await facilitator.getByRole('link', { name: 'Öppna översikten' }).click()
      await facilitator.getByRole('heading', { name: 'Grupperna just nu' }).waitFor()
      await facilitator.locator('.board-card').nth(3).waitFor()
      expect(await seriousViolations(facilitator)).toEqual([])

      const participants = await Promise.all(
        people.map(async (person) => {
          const context = await personContext(browser, person.name)
          return { ...person, context, page: await context.newPage() }
        }),
      )
      await join(participants[0]!.page, links.participant, participants[0]!)
      expect(await seriousViolations(participants[0]!.page)).toEqual([])
      await Promise.all(participants.slice(1).map((p) => join(p.page, links.participant, p)))

      // The facilitator sees everyone, forms mixed groups, and moves one person by keyboard.
      await facilitator.getByRole('cell', { name: 'Cecilia' }).waitFor({ timeout: 10_000 })
      await facilitator.getByRole('button', { name: 'Bilda blandade grupper' }).click()
      const moveAnna = facilitator.getByLabel('Flytta Anna till grupp')
      await moveAnna.waitFor()
      const groups = (
        await getJson<WorkshopInfo>(`/api/workshops/${workshopId}?token=${facilitatorToken}`)
      ).boards
      const groupBoards = groups.filter((board) => board.kind === 'group')
      expect(groupBoards).toHaveLength(3)
      const proposedForAnna = await moveAnna.inputValue()
      const other = groupBoards.find((board) => board.id !== proposedForAnna)!
      await moveAnna.selectOption(other.id)
      await expect(moveAnna.inputValue()).resolves.toBe(other.id)
      await moveAnna.selectOption(proposedForAnna)
      await facilitator.screenshot({ path: `${SCREENSHOTS}facilitator-groups.png` })
      await facilitator.getByRole('button', { name: 'Bekräfta grupperna' }).click()
      await facilitator.getByText('Grupperna är bildade').waitFor()

      // Each participant lands on a board of their own, live, without reloading.
      await Promise.all(
        participants.map((p) => p.page.waitForSelector('.tl-canvas', { timeout: 20_000 })),
      )
      const titles = await Promise.all(
        participants.map((p) => p.page.locator('.board-title').textContent()),
      )
      expect(new Set(titles).size).toBe(3)

      // The facilitator's message shows on every board until each person hides it.
      await facilitator.getByLabel('Meddelande', { exact: true }).fill('Fem minuter kvar')
      await facilitator.getByRole('button', { name: 'Skicka' }).click()
      const banner = participants[1]!.page
        .getByRole('status')
        .filter({ hasText: 'Fem minuter kvar' })
      await banner.waitFor({ timeout: 10_000 })
      await participants[1]!.page.getByRole('button', { name: 'Dölj', exact: true }).click()
      await banner.waitFor({ state: 'detached' })
      await participants[2]!.page.getByText('Fem minuter kvar').waitFor()

      // One note typed by hand, the rest written into the key areas through the sync protocol.
      await addNote(participants[0]!.page, { x: 640, y: 420 }, 'Vi provar i liten skala')
      const boardOf = new Map(groupBoards.map((board) => [board.name, board.id]))
      for (const [i, participant] of participants.entries()) {
        const boardId = boardOf.get(titles[i]!)!
        const { doc, provider } = await boardDoc(boardId, facilitatorToken)
        const notes = writeFactors(readRecords(doc), factorsByGroup[i]!)
        doc.transact(() => writeRecords(doc, notes))
        await waitFor(() => provider.synced)
        await onCanvas(participant.page, factorsByGroup[i]![0]!.text).waitFor({ timeout: 10_000 })
        provider.destroy()
      }

      // The overview counts the factors; then the plenary gathers the groups.
      const enablingCounts = facilitator.locator('.count.enabling', { hasText: /^⊕ 1 främjande$/ })
      await expect.poll(() => enablingCounts.count(), { timeout: 10_000 }).toBe(3)
      await facilitator.screenshot({
        path: `${SCREENSHOTS}facilitator-overview.png`,
        fullPage: true,
      })
      await facilitator.getByRole('button', { name: 'Samla i plenum' }).click()
      await facilitator.getByText('Klart: plenumtavlan visar sammanställningen.').waitFor()
      await facilitator.getByRole('link', { name: 'Öppna plenumtavlan' }).click()
      await facilitator.waitForSelector('.tl-canvas', { timeout: 20_000 })
      const shared = onCanvas(facilitator, /Ledningen saknar/).first()
      await shared.waitFor({ timeout: 10_000 })
      await onCanvas(facilitator, /nämnd av 2 av 3 grupper/i)
        .first()
        .waitFor()
      await shared.click()
      const panel = facilitator.getByRole('complementary', { name: 'Gruppernas formuleringar' })
      await panel.waitFor()
      await expect(panel.getByText('Nämnd av 2 av 3 grupper').isVisible()).resolves.toBe(true)
      await expect(panel.getByText('Ledningen saknar en gemensam bild').isVisible()).resolves.toBe(
        true,
      )
      await facilitator.screenshot({ path: `${SCREENSHOTS}plenary-synthesis.png` })

      // A viewer sees every board, read-only: what they try to write never reaches the server.
      const viewerContext = await personContext(browser, 'Åhörare')
      const viewer = await viewerContext.newPage()
      await viewer.goto(links.viewer)
      await viewer.getByRole('heading', { name: 'Tavlorna' }).waitFor()
      await expect(viewer.locator('.viewer-board').count()).resolves.toBe(4)
      expect(await seriousViolations(viewer)).toEqual([])
      const watched = groupBoards[0]!
      const { doc, provider } = await boardDoc(watched.id, facilitatorToken)
      const notesBefore = notesIn(readRecords(doc)).length
      await viewer.getByRole('link', { name: new RegExp(watched.name) }).click()
      await viewer.waitForSelector('.tl-canvas', { timeout: 20_000 })
      await viewer.getByText('Endast läsning').waitFor()
      await viewer.keyboard.press('n')
      await viewer.mouse.click(640, 500)
      await viewer.keyboard.type('Åhöraren skriver')
      await viewer.keyboard.press('Escape')
      await viewer.waitForTimeout(1000)
      expect(notesIn(readRecords(doc))).toHaveLength(notesBefore)
      await expect(onCanvas(viewer, 'Åhöraren skriver').count()).resolves.toBe(0)
      provider.destroy()

      for (const context of [
        facilitatorContext,
        viewerContext,
        ...participants.map((p) => p.context),
      ]) {
        await context.close()
      }
    },
  )
})
