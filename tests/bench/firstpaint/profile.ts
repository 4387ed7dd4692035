import { launchChromium } from '../../support/browser'

export interface ProfileLine {
  functionName: string
  location: string
  selfMs: number
}

interface ProfileNode {
  id: number
  hitCount?: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}

const NOTE = '.tl-shape[data-shape-type="note"]'

/**
 * One page load of `url` under the V8 sampling profiler (Chrome DevTools Protocol), from
 * navigation until `expectedNotes` note shapes are in the DOM. Returns the functions with the
 * most self time, so a first-paint regression points at its cause.
 */
export async function profileFirstPaint(
  url: string,
  expectedNotes: number,
  top = 15,
): Promise<ProfileLine[]> {
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({
      locale: 'sv-SE',
      viewport: { width: 1280, height: 800 },
      // The wait below is a string predicate (see coldopen/firstPaint.ts), which our CSP's
      // script-src 'self' refuses to evaluate; the profile measures the app, not the CSP.
      bypassCSP: true,
    })
    await context.addInitScript(`localStorage.setItem('samskapa.displayName', 'Bänk')`)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await page.goto(url)
    await page.waitForFunction(
      `document.querySelectorAll('${NOTE}').length >= ${expectedNotes}`,
      undefined,
      { timeout: 120_000, polling: 100 },
    )
    const { profile } = await cdp.send('Profiler.stop')
    await context.close()
    return selfTimes(profile as never, top)
  } finally {
    await browser.close()
  }
}

function selfTimes(
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] },
  top: number,
): ProfileLine[] {
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, ProfileLine>()
  profile.samples.forEach((id, i) => {
    const frame = nodeById.get(id)?.callFrame
    if (!frame) return
    const file = frame.url.split('/').pop() || '(native)'
    const location = `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    const functionName = frame.functionName || '(anonymous)'
    const key = `${functionName} ${location}`
    const line = totals.get(key) ?? { functionName, location, selfMs: 0 }
    line.selfMs += (profile.timeDeltas[i + 1] ?? 0) / 1000
    totals.set(key, line)
  })
  return [...totals.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)
}
