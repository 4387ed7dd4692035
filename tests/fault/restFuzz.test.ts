import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes } from '../../server/http/api'
import type { CreatedWorkshop } from '../../shared/workshopContracts'
import { connectProvider, putNote, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'

/** Bodies a broken client or a curious student sends: wrong types, odd shapes, floods. */
const HOSTILE_BODIES: (string | Uint8Array<ArrayBuffer>)[] = [
  '{',
  'null',
  '[]',
  '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
  JSON.stringify({
    title: { $gt: '' },
    seconds: 'soon',
    action: 'explode',
    steps: [{ id: 1, minutes: -5, mode: 'chaos' }],
    on: 'yes',
    itemId: ['a'],
    delta: 1e308,
    votesPerPerson: 1e9,
    target: 'everything',
    boardIds: 'all',
    assignments: { x: 7 },
    records: [{ id: 'shape:x', typeName: 'shape', x: 'NaN' }],
    text: 'a'.repeat(20_000),
    name: '\u0000'.repeat(500),
    person: '<script>alert(1)</script>',
  }),
  '['.repeat(5_000) + ']'.repeat(5_000),
  Uint8Array.from({ length: 2048 }, (_, i) => (i * 97) % 256),
]

/** Fills each capture group of a route's pattern with an id that exists, or a made-up one. */
function concretePaths(pattern: RegExp, ids: { workshop: string; board: string }): string[] {
  const source = pattern.source.replace(/^\^/, '').replace(/\$$/, '').replace(/\\\//g, '/')
  const fill = (value: (segmentBefore: string) => string) => {
    let path = ''
    let rest = source
    for (;;) {
      const group = /\((?:[^()]|\([^()]*\))*\)\??/.exec(rest)
      if (!group) return path + rest
      const before = rest.slice(0, group.index)
      path += before
      const segment = (path.split('/').filter(Boolean).at(-1) ?? '').toLowerCase()
      path += value(segment)
      rest = rest.slice(group.index + group[0].length)
    }
  }
  const existing = fill((segment) =>
    segment.startsWith('workshop') ? ids.workshop : segment.startsWith('board') ? ids.board : 'x1',
  )
  const madeUp = fill(() => '%E0%A4%A..%2F..%2Fetc')
  return [existing, madeUp].filter((path) => !/[\\^$*+?[\]{}|]/.test(path))
}

describe('the REST API under hostile requests', () => {
  let server: TestServer
  let workshop: CreatedWorkshop
  let participant: { token: string; participant: string }

  beforeAll(async () => {
    server = await startTestServer({ CREATES_PER_MINUTE: '100000', JOINS_PER_MINUTE: '100000' })
    workshop = await createWorkshop(server.url)
    participant = (await joinGroup(server.url, workshop, 0)).params
  })

  afterAll(async () => {
    await server?.stop()
  })

  it(
    'answers every route, every role and every broken body with a status below 500, and keeps working',
    { timeout: 300_000 },
    async () => {
      const ids = { workshop: workshop.id, board: workshop.boards[0]!.id }
      const callers: Record<string, Record<string, string>> = {
        nobody: {},
        viewer: { token: tokenOf(workshop.links.viewer) },
        participant,
        forged: { token: 'x'.repeat(400), participant: '../../' },
        // The facilitator last, and never DELETE: its garbage must not 500 either.
        facilitator: { token: tokenOf(workshop.links.facilitator) },
      }
      const serverErrors: string[] = []
      let requests = 0
      const slowest = { ms: 0, what: '' }
      for (const [who, query] of Object.entries(callers)) {
        for (const route of apiRoutes) {
          if (who === 'facilitator' && route.method === 'DELETE') continue
          if (route.pattern.source.includes('healthz')) continue
          for (const path of concretePaths(route.pattern, ids)) {
            const bodies = route.method === 'GET' ? [undefined] : HOSTILE_BODIES
            for (const body of bodies) {
              const started = Date.now()
              const url = `${server.url}${path}?${new URLSearchParams(query).toString()}`
              const response = await fetch(url, {
                method: route.method,
                headers: {
                  'Content-Type': typeof body === 'string' ? 'application/json' : 'image/png',
                  Origin: server.url,
                },
                body,
              })
              // A live stream (SSE) stays open by design: its answer is its status and headers.
              if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
                await response.body?.cancel()
              } else {
                await response.arrayBuffer()
              }
              const took = Date.now() - started
              if (took > slowest.ms)
                Object.assign(slowest, { ms: took, what: `${route.method} ${path}` })
              requests++
              if (response.status >= 500 && response.status !== 503) {
                serverErrors.push(`${who} ${route.method} ${path} → ${response.status}`)
              }
            }
          }
        }
      }
      console.log(`${requests} requests; slowest ${slowest.ms} ms: ${slowest.what}`)
      expect(requests).toBeGreaterThan(500)
      expect(serverErrors).toEqual([])
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)

      // Nobody's board was poisoned: a person still writes and a new client reads it.
      const board = workshop.boards[0]!
      const writer = connectProvider({ ...board.sync, params: participant })
      await whenSynced(writer.provider)
      putNote(writer.doc, 'shape:after-fuzz', 'Skriven efter attacken')
      const reader = connectProvider({ ...board.sync, params: participant })
      await whenSynced(reader.provider)
      await waitFor(() => reader.doc.getMap('records').has('shape:after-fuzz'))
      writer.provider.destroy()
      reader.provider.destroy()
    },
  )
})
