import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readRecords, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { BoardInfo } from '../../shared/contracts'
import { chromiumHarness } from '../support/chromiumHarness'
import { SCREENSHOTS, openBoard, personContext } from '../support/pages'
import { connectProvider, whenSynced } from '../support/syncClients'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

const harness = chromiumHarness()

/** Writes notes onto a board as a stock y-websocket client would. */
async function seedNotes(
  sync: BoardInfo['sync'],
  notes: { id: string; text: string; x: number; y: number; parentId?: string; polarity?: string }[],
) {
  const { doc, provider } = connectProvider(sync)
  await whenSynced(provider)
  writeRecords(
    doc,
    notes.map((n, i) =>
      noteShape(
        {
          id: n.id,
          x: n.x,
          y: n.y,
          parentId: n.parentId,
          index: `a${i + 2}`,
          meta: { polarity: n.polarity ?? 'undecided', createdAt: 1 },
        },
        { text: n.text, color: 'yellow' },
      ),
    ),
  )
  await new Promise((resolve) => setTimeout(resolve, 300))
  const records = readRecords(doc)
  provider.destroy()
  return records
}

function note(page: Page, text: string) {
  return page.locator('.tl-shape[data-shape-type="note"]', { hasText: text })
}

function area(page: Page, label: string) {
  return page.locator('.tl-shape[data-shape-type="geo"]', { hasText: label })
}

async function centre(locator: ReturnType<Page['locator']>, fx = 0.5, fy = 0.5) {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return { x: box.x + box.width * fx, y: box.y + box.height * fy }
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 20 })
  await page.waitForTimeout(400)
  await page.mouse.up()
}

/** The words in `elements`' text that the browser broke over two lines, e.g. "digitaliseringe/n". */
function wordsSplitAcrossLines(elements: Element[]): string[] {
  const split: string[] = []
  for (const element of elements) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      const range = document.createRange()
      let previousTop: number | undefined
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const top = range.getClientRects()[0]?.top
        if (top === undefined) continue
        const breaksHere = previousTop !== undefined && Math.abs(top - previousTop) > 2
        if (breaksHere && !/\s/.test(text[i - 1]!) && !/\s/.test(text[i]!)) {
          split.push(text.slice(Math.max(0, i - 8), i + 8))
        }
        previousTop = top
      }
    }
  }
  return split
}

describe('the everyday flow in Chromium', () => {
  it(
    'sorts a note dropped on the ⊖ side as hindering, in the panel and in Listvy',
    { timeout: 90_000 },
    async () => {
      const board = await harness.server.createBoard({
        template: 'hindering-enabling',
        language: 'sv',
      })
      await seedNotes(board.sync, [
        { id: 'shape:n1', text: 'Tidsbrist hos chefer', x: 900, y: 150 },
        { id: 'shape:n2', text: 'Wifi saknas i skolan', x: 900, y: 450 },
        { id: 'shape:n3', text: 'Invånarna hörs sällan', x: 900, y: 750 },
      ])
      const context = await personContext(harness.browser, 'Anna')
      const page = await context.newPage()
      await openBoard(page, board.url)
      await page.screenshot({ path: `${SCREENSHOTS}flow-side-start.png` })
      await page.getByTestId('unsorted-count').filter({ hasText: 'Osorterat: 3' }).waitFor()

      // tldraw's Swedish words are ours: the note tool is a "Lapp".
      const toolName = await page
        .locator('[data-testid="tools.note"]')
        .evaluate(
          (element) => `${element.getAttribute('aria-label')} ${element.getAttribute('title')}`,
        )
      expect(toolName).toMatch(/Lapp/)
      expect(toolName).not.toMatch(/Anmärkning/)

      // None of the three are alike: the suggestions say so instead of "no unsorted notes".
      await page.getByRole('button', { name: 'Föreslå kluster' }).click()
      await page.getByText('Inga av de 3 osorterade lapparna liknar varandra').waitFor()
      await page.getByRole('button', { name: 'Stäng förslagen' }).click()

      await page.keyboard.press('Escape')
      await drag(
        page,
        await centre(note(page, 'Tidsbrist hos chefer'), 0.5, 0.75),
        await centre(area(page, 'Hämmande faktorer'), 0.5, 0.4),
      )
      await note(page, 'Tidsbrist hos chefer')
        .getByTestId('polarity-badge')
        .filter({ hasText: '⊖ hämmande' })
        .waitFor({ timeout: 10_000 })
      await page.getByTestId('unsorted-count').filter({ hasText: 'Osorterat: 2' }).waitFor()
      await page.screenshot({ path: `${SCREENSHOTS}flow-side-sorted.png` })

      await page.getByRole('button', { name: 'Listvy' }).click()
      const summary = page.getByTestId('outline-summary')
      await summary.waitFor()
      await expect(summary.innerText()).resolves.toMatch(
        /3 faktorer: 1 hämmande · 0 främjande · 2 ej bestämda\s+1 i kluster · 2 osorterade/,
      )
      await page.getByRole('heading', { name: '⊖ Hämmande faktorer' }).waitFor()
      await context.close()
    },
  )

  it(
    'lists the facilitator’s new workshop under "Dina senaste tavlor"',
    { timeout: 60_000 },
    async () => {
      const context = await personContext(harness.browser, 'Facilitator')
      const page = await context.newPage()
      await page.goto(harness.server.url)
      await page.getByLabel('Workshopens namn').fill('Digitalt lyft i Vara')
      await page.getByRole('button', { name: 'Skapa workshop' }).click()
      const recent = page.locator('section[aria-labelledby="recent-heading"]')
      await recent.getByRole('link', { name: 'Digitalt lyft i Vara' }).waitFor({ timeout: 10_000 })
      await page.reload()
      const link = recent.getByRole('link', { name: 'Digitalt lyft i Vara' })
      await link.waitFor()
      expect(await link.getAttribute('href')).toMatch(/\/w\/[\w-]+\?token=/)
      await context.close()
    },
  )

  it(
    'gathers long factors into the plenary without overlap or spill',
    { timeout: 90_000 },
    async () => {
      const workshop = await createWorkshop(harness.server.url, {
        title: 'W',
        groups: 2,
        language: 'sv',
        template: 'key-areas',
      })
      const facilitator = { token: tokenOf(workshop.links.facilitator) }
      const long = [
        'Chefer saknar tid att leda förändringsarbetet eftersom driften alltid går först',
        'Kompetensutvecklingen sker på fritiden och når inte alla medarbetare',
        'Det finns ingen gemensam bild av vad digitaliseringen ska leda till för invånarna',
      ]
      for (const [g, board] of workshop.boards.slice(0, 2).entries()) {
        const records = await seedNotes({ ...board.sync, params: facilitator }, [])
        const ledarskap = records.find(
          (r) => r.type === 'frame' && JSON.stringify(r.props).includes('Ledarskap'),
        )!
        const halves = records.filter((r) => r.parentId === ledarskap.id)
        const hindering = halves.find((r) => (r.meta as { area?: string }).area === 'hindering')!
        await seedNotes(
          { ...board.sync, params: facilitator },
          long.map((text, i) => ({
            id: `shape:g${g}n${i}`,
            text: g === 0 ? text : `${text}.`,
            x: Number(hindering.x) + 20,
            y: 100 + i * 210,
            parentId: ledarskap.id,
            polarity: 'hindering',
          })),
        )
      }
      const gathered = await call(
        harness.server.url,
        'POST',
        `/api/workshops/${workshop.id}/gather`,
        facilitator,
      )
      expect(gathered.status).toBe(200)
      const plenary = workshop.boards.find((b) => b.kind === 'plenary')!
      const context = await personContext(harness.browser, 'Facilitator')
      const page = await context.newPage()
      await openBoard(page, plenary.url)
      const notes = page.locator('.tl-shape[data-shape-type="note"]')
      await notes.first().waitFor()
      // Written in the board's language: the workshop was made in Swedish.
      await page
        .getByText(/nämnd av 2 av 2 grupper/)
        .first()
        .waitFor()
      await page.keyboard.press('Shift+1')
      // The elected client fits the gathered notes to their text once the fonts are in:
      // then no word of these long factors is split over two lines.
      await expect
        .poll(() => notes.evaluateAll(wordsSplitAcrossLines), { timeout: 30_000 })
        .toEqual([])
      await page.waitForTimeout(1500)
      await page.screenshot({ path: `${SCREENSHOTS}flow-plenary-gathered.png` })
      const boxes = await notes.evaluateAll((elements) =>
        elements.map((element) => {
          const r = element.getBoundingClientRect()
          return { x: r.x, y: r.y, w: r.width, h: r.height }
        }),
      )
      const frames = await page
        .locator('.tl-shape[data-shape-type="frame"]')
        .evaluateAll((elements) =>
          elements.map((element) => {
            const r = element.getBoundingClientRect()
            return { x: r.x, y: r.y, w: r.width, h: r.height }
          }),
        )
      expect(boxes.length).toBeGreaterThan(1)
      for (const [i, a] of boxes.entries()) {
        const inside = frames.some(
          (f) =>
            a.x >= f.x - 1 &&
            a.y >= f.y - 1 &&
            a.x + a.w <= f.x + f.w + 1 &&
            a.y + a.h <= f.y + f.h + 1,
        )
        expect(inside, `note ${i} inside a frame`).toBe(true)
        for (const b of boxes.slice(i + 1)) {
          const overlap =
            a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1
          expect(overlap).toBe(false)
        }
      }
      await context.close()
    },
  )
})
