import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { readRecords, writeRecords } from '../../shared/board/boardDoc'
import { layoutFactors } from '../../shared/factors/layoutFactors'
import { findUnsortedArea } from '../../shared/templates/findUnsortedArea'
import { launchChromium } from '../support/browser'
import { SCREENSHOTS, openBoard, personContext, seriousViolations } from '../support/pages'
import { connectProvider, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { writeTinyEmbeddingModel } from '../support/tinyEmbeddingModel'
import { idCounter } from '../unit/factorFixture'

let server: TestServer
let browser: Browser
const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-e2e-model-'))

beforeAll(async () => {
  writeTinyEmbeddingModel(modelDir, [
    ['hyllvärmare', 'uppföljning'],
    ['hjulet', 'lösningar'],
  ])
  server = await startTestServer({ SIMILARITY_MODEL_DIR: modelDir })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  fs.rmSync(modelDir, { recursive: true, force: true })
})

describe('Föreslå kluster with the municipality’s model', () => {
  it(
    'asks the server, which groups notes that share no word but one idea',
    { timeout: 60_000 },
    async () => {
      const board = await server.createBoard({
        title: 'Grupp 1',
        template: 'blank',
        language: 'sv',
      })
      const { doc, provider } = connectProvider(board.sync)
      await whenSynced(provider)
      const records = readRecords(doc)
      const texts = [
        'Rapporterna blir hyllvärmare',
        'Varje förvaltning uppfinner hjulet',
        'Ingen uppföljning av resultaten',
        'Enheterna köper egna lösningar',
      ]
      const notes = layoutFactors({
        factors: texts.map((text) => ({ text, polarity: 'hindering' as const })),
        records,
        area: findUnsortedArea(records),
        newId: idCounter('shape:model'),
        now: Date.now(),
        author: 'Anna',
      })
      doc.transact(() => writeRecords(doc, notes))
      const context = await personContext(browser, 'Cecilia')
      const page = await context.newPage()
      await openBoard(page, board.url)
      await page.getByText('Osorterat: 4').waitFor()

      const asked = page.waitForResponse((response) =>
        response.url().includes('/cluster-suggestions'),
      )
      await page.getByRole('button', { name: 'Föreslå kluster' }).click()
      expect((await asked).status()).toBe(200)
      await page.getByRole('heading', { name: 'Förslag på kluster' }).waitFor()
      const proposals = page.getByTestId('proposal')
      await proposals.nth(1).waitFor()
      expect(await proposals.count()).toBe(2)
      const members = await Promise.all(
        [0, 1].map(async (i) =>
          (await proposals.nth(i).locator('.proposal-notes li').allTextContents()).sort(),
        ),
      )
      expect(members.map((list) => list.join(' | ')).sort()).toEqual([
        'Enheterna köper egna lösningar | Varje förvaltning uppfinner hjulet',
        'Ingen uppföljning av resultaten | Rapporterna blir hyllvärmare',
      ])
      expect(await seriousViolations(page, '.factor-panel')).toEqual([])
      await page.screenshot({ path: `${SCREENSHOTS}cluster-suggestions-model.png` })
      provider.destroy()
      await context.close()
    },
  )
})
