import { launchChromium } from './tests/support/browser'
import { startTestServer } from './tests/support/testServer'

const server = await startTestServer()
const browser = await launchChromium()
const board = await server.createBoard({ title: 'Grupp 1', template: 'key-areas' })
const now = Date.now()
const info = {
  id: 'ws1', title: 'Träff 2 – Digital förändring', date: '2025-03-14', track: 'both', template: 'key-areas',
  role: 'facilitator', allowGroupChoice: false,
  boards: [
    { id: board.id, name: 'Grupp 1', kind: 'group' }, { id: 'b2', name: 'Grupp 2', kind: 'group' },
    { id: 'b3', name: 'Grupp 3', kind: 'group' }, { id: 'b4', name: 'Plenum', kind: 'plenary' }],
  links: { facilitator: `${server.url}/w/ws1?token=fff`, participant: `${server.url}/w/ws1?token=ppp`, viewer: `${server.url}/w/ws1?token=vvv` },
}
const b = (id: string, name: string, kind: string, online: string[], h: number, e: number, u: number, clusters: [string, number][], ago: number | null) => ({
  id, name, kind, online, counts: { hindering: h, enabling: e, undecided: 0, unsorted: u, total: h + e + u },
  clusters: clusters.map(([n, t], i) => ({ id: `c${i}`, name: n, total: t })), lastActivity: ago === null ? null : now - ago })
const participants = [
  { id: 'p1', name: 'Anna Berg', municipality: 'Malmö', boardId: board.id },
  { id: 'p2', name: 'Bertil Ek', municipality: 'Lund', boardId: 'b2' },
  { id: 'p3', name: 'Cecilia Holm', municipality: 'Ystad', boardId: 'b3' },
  { id: 'p4', name: 'David Lind', municipality: 'Malmö', boardId: null },
  { id: 'p5', name: 'Eva Sjö', municipality: '', boardId: null },
]
const overview = {
  boards: [
    b(board.id, 'Grupp 1', 'group', ['Anna Berg', 'David Lind'], 4, 6, 2, [['Ledarskap', 3], ['Kompetens och lärande', 5]], 40_000),
    b('b2', 'Grupp 2', 'group', ['Bertil Ek'], 2, 3, 5, [['Samverkan', 2]], 200_000),
    b('b3', 'Grupp 3', 'group', [], 0, 0, 0, [], null),
    b('b4', 'Plenum', 'plenary', [], 0, 0, 0, [], null),
  ],
  participants,
}
const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } })
await context.addInitScript(() => localStorage.setItem('samskapa.displayName', 'Samtalsledaren'))
await context.route('**/api/workshops/ws1**', async (route) => {
  const url = new URL(route.request().url())
  const role = url.searchParams.get('token') === 'fff' ? 'facilitator' : url.searchParams.get('token') === 'ppp' ? 'participant' : 'viewer'
  if (url.pathname.endsWith('/overview')) return route.fulfill({ json: overview })
  if (url.pathname.endsWith('/groups/propose')) return route.fulfill({ json: { assignments: { p1: board.id, p2: 'b2', p3: 'b3', p4: 'b2', p5: 'b3' } } })
  return route.fulfill({ json: { ...info, role, links: role === 'facilitator' ? info.links : undefined } })
})
const page = await context.newPage()
await page.goto(server.url)
await page.screenshot({ path: '/tmp/look/lobby.png', fullPage: true })
await page.goto(`${server.url}/w/ws1?token=fff`)
await page.locator('.board-card').first().waitFor()
await page.screenshot({ path: '/tmp/look/overview.png', fullPage: true })
await page.getByRole('button', { name: 'Bilda blandade grupper' }).click()
await page.getByLabel('Flytta Anna Berg till grupp').waitFor()
await page.locator('.group-planner').screenshot({ path: '/tmp/look/planner.png' })
await page.getByRole('button', { name: 'Radera workshopen …' }).click()
await page.screenshot({ path: '/tmp/look/erase.png' })
await page.keyboard.press('Escape')
await page.goto(`${server.url}/w/ws1?token=ppp`)
await page.getByLabel('Namn').waitFor()
await page.screenshot({ path: '/tmp/look/join.png' })
await page.goto(`${server.url}/w/ws1?token=vvv`)
await page.getByRole('heading', { name: 'Tavlorna' }).waitFor()
await page.screenshot({ path: '/tmp/look/viewer.png' })
const { connectProvider, whenSynced } = await import('./tests/support/syncClients')
const { metaMap } = await import('./shared/board/boardDoc')
const c = connectProvider(board.sync)
await whenSynced(c.provider)
metaMap(c.doc).set('banner', { text: 'Fem minuter kvar – välj era tre viktigaste', at: Date.now() })
await page.goto((board as unknown as { links: { viewer: string } }).links.viewer)
await page.waitForSelector('.tl-canvas')
await page.waitForTimeout(1500)
await page.screenshot({ path: '/tmp/look/board.png' })
c.provider.destroy()
await browser.close()
await server.stop()
