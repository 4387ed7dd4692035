import fs from 'node:fs'
import path from 'node:path'
import { launchChromium } from '../../support/browser'

export interface PaintRun {
  /** ms from navigation start until the first note shape is in the DOM. */
  firstNoteMs: number
  /** ms from navigation start until the animation frame in which all notes are in the DOM. */
  allNotesMs: number
  /** Note shapes present then (tldraw mounts culled shapes too, hidden). */
  notes: number
}

const NOTE = '.tl-shape[data-shape-type="note"]'

/**
 * Page script, as text: tsx would wrap a function's inner arrow functions in its `__name`
 * helper, which does not exist in the page. Each animation frame counts note shapes until
 * `expected` are present and keeps the times on `window.__benchPaint`.
 */
function watchNotes(expected: number): string {
  return `
    localStorage.setItem('samskapa.displayName', 'Bänk')
    const marks = { firstNoteMs: NaN, allNotesMs: NaN, notes: 0 }
    window.__benchPaint = marks
    function watch() {
      const count = document.querySelectorAll('${NOTE}').length
      if (count > 0 && Number.isNaN(marks.firstNoteMs)) marks.firstNoteMs = performance.now()
      marks.notes = count
      if (count >= ${expected}) marks.allNotesMs = performance.now()
      else requestAnimationFrame(watch)
    }
    requestAnimationFrame(watch)
  `
}

/**
 * Opens the board in a fresh Chromium context (empty IndexedDB, so everything comes from the
 * server) `runs` times and times, inside the page, from navigation start to the animation
 * frame in which `expectedNotes` note shapes exist in tldraw's DOM. A screenshot of the
 * last run goes to `screenshotFile` so a person can see that the board really drew.
 */
export async function measureFirstPaint(
  boardUrl: string,
  expectedNotes: number,
  runs: number,
  screenshotFile: string,
): Promise<PaintRun[]> {
  const browser = await launchChromium()
  const results: PaintRun[] = []
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({
        locale: 'sv-SE',
        viewport: { width: 1280, height: 800 },
      })
      await context.addInitScript(watchNotes(expectedNotes))
      const page = await context.newPage()
      await page.goto(boardUrl)
      await page.waitForFunction(
        () =>
          !Number.isNaN((window as unknown as { __benchPaint: PaintRun }).__benchPaint.allNotesMs),
        undefined,
        { timeout: 120_000, polling: 250 },
      )
      results.push(
        await page.evaluate(() => (window as unknown as { __benchPaint: PaintRun }).__benchPaint),
      )
      if (run === runs - 1) {
        fs.mkdirSync(path.dirname(screenshotFile), { recursive: true })
        await page.locator(NOTE).first().waitFor({ state: 'attached' })
        await page.screenshot({ path: screenshotFile })
      }
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return results
}
