import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Outcome } from '../../shared/factors'
import { factorFixture } from '../unit/factorFixture'
import { startTestServer, type TestServer } from '../support/testServer'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.stop()
})

const keyAreaName = new Map(factorFixture.keyAreas.map((area) => [area.id, area.sv]))

function fixtureCsv(group: string) {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`
  const rows = factorFixture.notes
    .filter((note) => note.group === group)
    .map((note) => [note.text, note.polarity, keyAreaName.get(note.keyArea)!].map(quote).join(','))
  return ['text,polarity,cluster', ...rows].join('\n')
}

describe('the outcome of a board', () => {
  it('lists each key area with the fixture group’s factors split by polarity', async () => {
    const group = factorFixture.groups[0]!.id
    const notes = factorFixture.notes.filter((note) => note.group === group)
    const board = await server.createBoard({ template: 'key-areas', language: 'sv' })
    const imported = await fetch(`${server.url}/api/boards/${board.id}/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: fixtureCsv(group),
    })
    expect(await imported.json()).toEqual({ imported: notes.length })

    // Once the room has unloaded, the outcome is read from storage.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(server.rooms.get(board.id)).toBeUndefined()
    const response = await fetch(`${server.url}/api/boards/${board.id}/outcome`)
    expect(response.status).toBe(200)
    const outcome = (await response.json()) as Outcome
    expect(outcome.clusters.map((c) => c.name)).toEqual(factorFixture.keyAreas.map((a) => a.sv))
    expect(outcome.unsorted).toEqual([])
    for (const area of factorFixture.keyAreas) {
      const cluster = outcome.clusters.find((c) => c.name === area.sv)!
      const expected = (polarity: string) =>
        notes
          .filter((n) => n.keyArea === area.id && n.polarity === polarity)
          .map((n) => n.text)
          .sort()
      expect(cluster.hindering.map((f) => f.text).sort()).toEqual(expected('hindering'))
      expect(cluster.enabling.map((f) => f.text).sort()).toEqual(expected('enabling'))
      expect(cluster.undecided).toEqual([])
    }
    const factor = outcome.clusters.flatMap((c) => [...c.hindering, ...c.enabling])[0]!
    expect(Object.keys(factor)).toEqual(
      expect.arrayContaining(['id', 'text', 'polarity', 'createdAt']),
    )
  })

  it('answers 404 for an unknown board and 400 for a malformed id', async () => {
    expect((await fetch(`${server.url}/api/boards/unknownboard1/outcome`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/boards/${'x'.repeat(100)}/outcome`)).status).toBe(400)
  })
})
