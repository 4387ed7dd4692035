import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRecords } from '../../shared/board/boardDoc'
import type { Outcome } from '../../shared/factors'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer, tokenQuery } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.stop()
})

function postJson(path: string, body: unknown) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function outcome(boardId: string) {
  return (await (
    await fetch(`${server.url}/api/boards/${boardId}/outcome${tokenQuery(boardId)}`)
  ).json()) as Outcome
}

async function shapeCount(sync: Parameters<typeof connectProvider>[0]) {
  const { doc, provider } = connectProvider(sync)
  await whenSynced(provider)
  const count = readRecords(doc).filter((r) => r.typeName === 'shape').length
  provider.destroy()
  return count
}

describe('templates saved on the server', () => {
  it('saves a board as a template that the lobby lists and new boards are built from', async () => {
    const source = await server.createBoard({ template: 'design-process', language: 'sv' })
    await fetch(`${server.url}/api/boards/${source.id}/import${tokenQuery(source.id)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: 'text,cluster\nExempel,Samskapa\n',
    })
    const saved = await postJson(`/api/templates${tokenQuery(source.id)}`, {
      boardId: source.id,
      title: 'Vår mall',
    })
    expect(saved.status).toBe(201)
    const { id } = (await saved.json()) as { id: string }

    const list = (await (await fetch(`${server.url}/api/templates`)).json()) as {
      id: string
      title: string
    }[]
    expect(list.map((t) => t.id)).toContain('key-areas')
    expect(list).toContainEqual({ id, title: 'Vår mall' })

    const copy = await server.createBoard({ template: id })
    const copied = await outcome(copy.id)
    expect(copied.clusters.map((c) => c.name)).toEqual([
      'Skapa grogrund',
      'Samskapa',
      'Prototypa',
      'Uppskalning',
    ])
    expect(copied.clusters[1]!.undecided.map((f) => f.text)).toEqual(['Exempel'])
    const original = await outcome(source.id)
    expect(copied.clusters[0]!.id).not.toBe(original.clusters[0]!.id)
    expect(await shapeCount(copy.sync)).toBe(await shapeCount(source.sync))
  })

  it('applies a template to an existing board beside its content, live for connected clients', async () => {
    const board = await server.createBoard({ template: 'hindering-enabling' })
    const { doc, provider } = connectProvider(board.sync)
    await whenSynced(provider)
    const before = readRecords(doc).filter((r) => r.typeName === 'shape').length
    const response = await postJson(
      `/api/boards/${board.id}/apply-template${tokenQuery(board.id)}`,
      {
        template: 'reflection',
      },
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ added: 3 })
    await waitFor(
      () => readRecords(doc).filter((r) => r.typeName === 'shape').length === before + 3,
    )
    expect((await outcome(board.id)).clusters.filter((c) => !c.side)).toHaveLength(3)
    provider.destroy()
  })

  it('refuses unknown templates, unknown boards and malformed bodies', async () => {
    const board = await server.createBoard({ template: 'blank' })
    const apply = (template: unknown) =>
      postJson(`/api/boards/${board.id}/apply-template${tokenQuery(board.id)}`, { template })
    expect((await apply('no-such-template')).status).toBe(400)
    expect((await apply(42)).status).toBe(400)
    expect(
      (await postJson('/api/boards/unknownboard1/apply-template', { template: 'blank' })).status,
    ).toBe(404)
    expect(
      (await postJson('/api/templates', { boardId: 'unknownboard1', title: 'x' })).status,
    ).toBe(404)
    expect(
      (await postJson(`/api/templates${tokenQuery(board.id)}`, { boardId: board.id, title: '' }))
        .status,
    ).toBe(400)
    expect((await postJson('/api/boards', { template: 'saved-nothing' })).status).toBe(400)
  })
})

describe('limits on saved templates', () => {
  it('refuses templates past the count and size limits', async () => {
    const limited = await startTestServer({ MAX_SAVED_TEMPLATES: '1', MAX_TEMPLATE_BYTES: '4096' })
    try {
      const save = (boardId: string) =>
        fetch(`${limited.url}/api/templates${tokenQuery(boardId)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ boardId, title: 'Mall' }),
        })
      const big = await limited.createBoard({ template: 'key-areas' })
      expect((await save(big.id)).status).toBe(413)
      const small = await limited.createBoard({ template: 'blank' })
      expect((await save(small.id)).status).toBe(201)
      expect((await save(small.id)).status).toBe(409)
    } finally {
      await limited.stop()
    }
  })

  it('counts a workshop’s own templates too, which its participants may save', async () => {
    const limited = await startTestServer({ MAX_SAVED_TEMPLATES: '1' })
    try {
      const workshop = await createWorkshop(limited.url)
      const facilitator = { token: tokenOf(workshop.links.facilitator) }
      const own = await call(limited.url, 'POST', '/api/templates', facilitator, {
        boardId: workshop.boards[0]!.id,
        title: 'Gruppens mall',
      })
      expect(own.status).toBe(201)
      expect((await own.json()) as { shared: boolean }).toMatchObject({ shared: false })
      const board = await limited.createBoard({ template: 'blank' })
      const response = await fetch(`${limited.url}/api/templates${tokenQuery(board.id)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ boardId: board.id, title: 'Mall' }),
      })
      expect(response.status).toBe(409)
    } finally {
      await limited.stop()
    }
  })
})
