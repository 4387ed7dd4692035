import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import * as Y from 'yjs'
import { readRecords } from '../../shared/board/boardDoc'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, addNote, onCanvas, personContext, seriousViolations } from '../support/pages'
import { participantPage } from '../support/participantPages'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchChromium()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.stop()
})

/** The texts of the notes a doc holds, each as often as it is there. */
function noteTexts(doc: Y.Doc): string[] {
  return readRecords(doc)
    .filter((record) => record.typeName === 'shape' && record.type === 'note')
    .map((record) => JSON.stringify((record.props as { richText?: unknown }).richText ?? ''))
}

const count = (texts: string[], word: string) => texts.filter((t) => t.includes(word)).length

describe('silent writing in Chromium', () => {
  it(
    'keeps drafts in each browser (over a reload) until Visa allas lappar, then shows each once',
    { timeout: 240_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 5',
        groups: 1,
        language: 'sv',
      })
      const anna = await participantPage(browser, server.url, workshop, 0, 'Anna', contexts)
      const bertil = await participantPage(browser, server.url, workshop, 0, 'Bertil', contexts)
      const cecilia = await participantPage(browser, server.url, workshop, 0, 'Cecilia', contexts)
      const board = workshop.boards[0]!
      const plain = connectProvider({
        ...board.sync,
        params: { token: tokenOf(workshop.links.viewer) },
      })
      await whenSynced(plain.provider)

      const facilitator = await (await personContext(browser, 'Samtalsledaren')).newPage()
      contexts.push(facilitator.context())
      await facilitator.goto(workshop.links.facilitator)
      await facilitator.getByRole('button', { name: 'Starta Skriv enskilt' }).click()
      for (const page of [anna, bertil, cecilia]) {
        await page.getByTestId('silent-writing').waitFor({ timeout: 15_000 })
      }

      await addNote(anna, { x: 300, y: 400 }, 'Annas hemlighet')
      await addNote(bertil, { x: 500, y: 400 }, 'Bertils hemlighet')
      await addNote(cecilia, { x: 700, y: 400 }, 'Cecilias hemlighet')
      await onCanvas(anna, 'Annas hemlighet').waitFor()
      // Others learn only how many: two notes are written by the others of each.
      await bertil
        .getByTestId('draft-count')
        .filter({ hasText: '2 lappar skrivs just nu' })
        .waitFor()
      expect(await onCanvas(bertil, 'Annas hemlighet').count()).toBe(0)
      expect(await onCanvas(bertil, 'Cecilias hemlighet').count()).toBe(0)
      expect(count(noteTexts(plain.doc), 'hemlighet')).toBe(0)
      expect(count(noteTexts(server.rooms.get(board.id)!.doc), 'hemlighet')).toBe(0)
      expect(await seriousViolations(bertil, '.day-bar')).toEqual([])
      expect(await seriousViolations(facilitator, '.private-writing-panel')).toEqual([])
      await bertil.screenshot({ path: `${SCREENSHOTS}silent-writing.png` })
      await bertil.setViewportSize({ width: 390, height: 844 })
      await bertil.screenshot({ path: `${SCREENSHOTS}silent-writing-phone.png` })
      await bertil.setViewportSize({ width: 1024, height: 1366 })
      await bertil.screenshot({ path: `${SCREENSHOTS}silent-writing-ipad.png` })
      await bertil.setViewportSize({ width: 1280, height: 800 })

      // A reload keeps the writer's draft (IndexedDB), still private.
      await anna.reload()
      await anna.waitForSelector('.tl-canvas', { timeout: 30_000 })
      await onCanvas(anna, 'Annas hemlighet').waitFor({ timeout: 15_000 })
      expect(count(noteTexts(plain.doc), 'hemlighet')).toBe(0)

      await facilitator.getByRole('button', { name: 'Visa allas lappar' }).click()
      await waitFor(() => count(noteTexts(plain.doc), 'hemlighet') === 3, 30_000)
      for (const page of [anna, bertil, cecilia]) {
        for (const name of ['Annas', 'Bertils', 'Cecilias']) {
          await onCanvas(page, `${name} hemlighet`).waitFor({ timeout: 15_000 })
        }
      }
      const texts = noteTexts(plain.doc)
      for (const name of ['Annas', 'Bertils', 'Cecilias']) expect(count(texts, name)).toBe(1)
      // Nothing is sent twice: a reload after the reveal finds no drafts left to send.
      await anna.reload()
      await anna.waitForSelector('.tl-canvas', { timeout: 30_000 })
      await onCanvas(anna, 'Bertils hemlighet').waitFor({ timeout: 15_000 })
      expect(count(noteTexts(plain.doc), 'Annas')).toBe(1)
      await bertil.screenshot({ path: `${SCREENSHOTS}silent-writing-revealed.png` })
      plain.provider.destroy()
    },
  )

  it(
    'reveals the drafts of a participant who was offline at Visa allas lappar when they reconnect',
    { timeout: 240_000 },
    async () => {
      const workshop = await createWorkshop(server.url, {
        title: 'Träff 6',
        groups: 1,
        language: 'sv',
      })
      const anna = await participantPage(browser, server.url, workshop, 0, 'Anna', contexts)
      const dan = await participantPage(browser, server.url, workshop, 0, 'Dan', contexts)
      const board = workshop.boards[0]!
      const plain = connectProvider({
        ...board.sync,
        params: { token: tokenOf(workshop.links.viewer) },
      })
      await whenSynced(plain.provider)

      const facilitator = await (await personContext(browser, 'Samtalsledaren')).newPage()
      contexts.push(facilitator.context())
      await facilitator.goto(workshop.links.facilitator)
      await facilitator.getByRole('button', { name: 'Starta Skriv enskilt' }).click()
      for (const page of [anna, dan]) {
        await page.getByTestId('silent-writing').waitFor({ timeout: 15_000 })
      }
      await addNote(anna, { x: 300, y: 400 }, 'Annas utkast')
      await addNote(dan, { x: 500, y: 400 }, 'Dans utkast')
      await anna.getByTestId('draft-count').filter({ hasText: '1 lapp' }).waitFor()

      // Dan's Wi-Fi drops before the facilitator reveals.
      await dan.context().setOffline(true)
      await facilitator.getByRole('button', { name: 'Visa allas lappar' }).click()
      await waitFor(() => count(noteTexts(plain.doc), 'Annas utkast') === 1, 30_000)
      expect(count(noteTexts(plain.doc), 'Dans utkast')).toBe(0)

      // Back online, his page learns of the reveal and sends his draft, once.
      await dan.context().setOffline(false)
      await waitFor(() => count(noteTexts(plain.doc), 'Dans utkast') === 1, 60_000)
      await onCanvas(anna, 'Dans utkast').waitFor({ timeout: 20_000 })
      await onCanvas(dan, 'Annas utkast').waitFor({ timeout: 20_000 })
      const texts = noteTexts(plain.doc)
      expect(count(texts, 'Annas utkast')).toBe(1)
      expect(count(texts, 'Dans utkast')).toBe(1)
      plain.provider.destroy()
    },
  )
})
