import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'

export const SCREENSHOTS = new URL('../e2e/screenshots/', import.meta.url).pathname

/** A browser context whose person has already told the board their name. */
export async function personContext(browser: Browser, name: string, locale = 'sv-SE') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } })
  await context.addInitScript((displayName) => {
    if (!localStorage.getItem('samskapa.displayName')) {
      localStorage.setItem('samskapa.displayName', displayName)
    }
  }, name)
  return context
}

/** Records every request's origin, to prove the browser never calls another host. */
export function watchRequests(context: BrowserContext): Set<string> {
  const origins = new Set<string>()
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol.startsWith('ws')) {
      origins.add(url.host)
    }
  })
  return origins
}

export async function openBoard(page: Page, url: string) {
  await page.goto(url)
  await page.waitForSelector('.tl-canvas', { timeout: 45_000 })
}

/**
 * Creates a sticky note at a canvas point and types its text, as a person would. Right after the
 * canvas appears tldraw may not listen to shortcuts yet, so the note tool is chosen again until a
 * note is there (never twice: it counts the notes first).
 */
export async function addNote(page: Page, at: { x: number; y: number }, text: string) {
  const notes = page.locator('.tl-shape[data-shape-type="note"]')
  const before = await notes.count()
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape')
    await page.keyboard.press('n')
    await page.mouse.click(at.x, at.y)
    if (await becomesTrue(async () => (await notes.count()) > before, 10_000)) break
    if (attempt === 3) throw new Error(`addNote: no note appeared after ${attempt} tries`)
  }
  // tldraw focuses the note's text editor a moment after creating the note.
  await page.locator('.tl-rich-text [contenteditable="true"]').waitFor()
  await page.waitForTimeout(150)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

async function becomesTrue(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

/** Serious and critical axe-core findings within `selector` (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page, selector?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  if (selector) builder = builder.include(selector)
  const { violations } = await builder.analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/** Text as drawn on the canvas (tldraw also keeps hidden copies for measuring and screen readers). */
export function onCanvas(page: Page, text: string | RegExp) {
  return page.getByTestId('canvas').getByText(text)
}
