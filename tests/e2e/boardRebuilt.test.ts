import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readEpoch } from '../../shared/board/boardEpoch'
import { launchChromium } from '../support/browser'
import { playDayOfMoves } from '../support/dayOfMoves'
import {
  addNote,
  onCanvas,
  openBoard,
  personContext,
  SCREENSHOTS,
  seriousViolations,
  watchRequests,
} from '../support/pages'
import { connectProvider, noteText, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  // A short grace period: the room unloads (and is rebuilt) soon after the last page left.
  server = await startTestServer({ ROOM_GRACE_MS: '300' })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a board rebuilt while a participant was offline', () => {
  it(
    'keeps the note written offline (reload included), hands it in after the rebuild and says so',
    { timeout: 120_000 },
    async () => {
      const board = await server.createBoard({ title: 'Lång dag', template: 'hindering-enabling' })
      const day = connectProvider(board.sync)
      await whenSynced(day.provider)
      playDayOfMoves(day.doc)
      await waitFor(() => !server.rooms.get(board.id)?.hasPending)

      const context = await personContext(browser, 'Anna')
      const origins = watchRequests(context)
      let anna = await context.newPage()
      await openBoard(anna, board.url)
      await onCanvas(anna, 'Faktor 39').waitFor({ timeout: 20_000 })
      await anna.waitForSelector('html[data-offline-ready]', { state: 'attached', timeout: 20_000 })
      day.provider.destroy()

      await context.setOffline(true)
      await anna.getByText(/^\S? ?Offline/).waitFor()
      await addNote(anna, { x: 640, y: 640 }, 'Skrivet utan nät')
      await anna.getByText(/inte sparad/).waitFor()
      // Anna closes the tab. Nobody is connected now: the room unloads, and the long day is
      // rebuilt into epoch 1. She opens the board again, still offline: her copy is there.
      await anna.close()
      await waitFor(async () => (await server.storage.epochBase(board.id, 0)) !== undefined, 20_000)
      anna = await context.newPage()
      await anna.goto(board.url)
      await anna.waitForSelector('.tl-canvas', { timeout: 45_000 })
      await onCanvas(anna, 'Skrivet utan nät').waitFor()
      // As a browser of the release before epochs would: the copy, but no epoch kept for it.
      await anna.evaluate((room) => localStorage.removeItem(`samskapa.epoch.${room}`), board.id)

      await context.setOffline(false)
      await anna.getByText(/städats på servern/).waitFor({ timeout: 30_000 })
      await anna.getByText('allt är sparat').waitFor({ timeout: 15_000 })
      await onCanvas(anna, 'Skrivet utan nät').waitFor()
      await onCanvas(anna, 'Faktor 39').waitFor()
      await anna.screenshot({ path: `${SCREENSHOTS}board-rebuilt.png` })
      expect(await seriousViolations(anna, '.board-bar, .board-notice')).toEqual([])
      await anna.getByRole('button', { name: 'Stäng' }).click()
      expect(await anna.getByText(/städats på servern/).count()).toBe(0)

      // Everyone else gets the rebuilt board with the note in it, and Anna's page is on it too.
      const reader = connectProvider({
        ...board.sync,
        params: { ...board.sync.params, epoch: 'none' },
      })
      try {
        await whenSynced(reader.provider)
        expect(readEpoch(reader.doc)).toBe(1)
        const offlineNote = [...reader.doc.getMap('records').keys()].find(
          (id) => noteText(reader.doc, id) === 'Skrivet utan nät',
        )
        expect(offlineNote).toBeDefined()
        expect(Y.encodeStateAsUpdate(reader.doc).byteLength).toBeLessThan(
          Y.encodeStateAsUpdate(day.doc).byteLength / 2,
        )
      } finally {
        reader.provider.destroy()
      }
      const stored = await anna.evaluate(
        (room) => localStorage.getItem(`samskapa.epoch.${room}`),
        board.id,
      )
      expect(stored).toBe('1')
      expect([...origins]).toEqual([new URL(server.url).host])
      await context.close()

      // A browser that never had the board opens the rebuilt one: refused once as a copy of
      // epoch 0 with nothing to hand in, it loads afresh, with no notice.
      const bertilContext = await personContext(browser, 'Bertil')
      const bertil = await bertilContext.newPage()
      await openBoard(bertil, board.url)
      await onCanvas(bertil, 'Skrivet utan nät').waitFor({ timeout: 20_000 })
      await bertil.getByText('allt är sparat').waitFor({ timeout: 15_000 })
      expect(await bertil.getByText(/städats på servern/).count()).toBe(0)
      const bertilEpoch = await bertil.evaluate(
        (room) => localStorage.getItem(`samskapa.epoch.${room}`),
        board.id,
      )
      expect(bertilEpoch).toBe('1')
      await bertilContext.close()
    },
  )
})
