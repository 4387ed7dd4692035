import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { SavedTemplateInfo, TemplateInfo } from '../../shared/contracts'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

const AUTHOR = `Anna-Berg-${Date.now()}`

/** A workshop whose first group board holds a note signed by a participant. */
async function workshopWithSignedNote() {
  const workshop = await createWorkshop(server!.url)
  const participant = { token: tokenOf(workshop.links.participant) }
  const facilitator = { token: tokenOf(workshop.links.facilitator) }
  const [group, , plenary] = workshop.boards
  // Participants write on their own group's board, so the writer joins the first group.
  const seated = await joinGroup(server!.url, workshop, 0)
  const writer = connectProvider({ ...group!.sync, params: seated.params })
  cleanups.push(() => writer.provider.destroy())
  await whenSynced(writer.provider)
  writeRecords(writer.doc, [
    {
      ...noteShape(
        {
          id: 'shape:signed',
          x: 0,
          y: 0,
          index: 'a9',
          meta: { polarity: 'hindering', author: AUTHOR, createdAt: 1_700_000_000_000 },
        },
        { text: 'Tidsbrist', color: 'light-red' },
      ),
    },
  ])
  // The server's room holds the note: what saving a template reads.
  await waitFor(() =>
    readRecords(server!.rooms.get(group!.id)?.doc ?? new Y.Doc()).some(
      (r) => r.id === 'shape:signed',
    ),
  )
  return { workshop, participant, facilitator, group: group!, plenary: plenary! }
}

function dbContains(text: string): boolean {
  server!.storage.checkpoint()
  return fs
    .readdirSync(server!.dataDir)
    .some((file) => fs.readFileSync(path.join(server!.dataDir, file)).includes(Buffer.from(text)))
}

async function boardTemplates(boardId: string, query: Record<string, string>) {
  const response = await call(server!.url, 'GET', `/api/boards/${boardId}/templates`, query)
  expect(response.status).toBe(200)
  return ((await response.json()) as SavedTemplateInfo[]).filter((t) => t.id.startsWith('saved-'))
}

async function lobbyTemplates() {
  return (await (await fetch(`${server!.url}/api/templates`)).json()) as TemplateInfo[]
}

describe('templates saved in a workshop', () => {
  it('never store who wrote a note or when, and bring no name onto other boards', async () => {
    server = await startTestServer()
    const { participant, facilitator, group, plenary } = await workshopWithSignedNote()
    const saved = await call(server.url, 'POST', '/api/templates', participant, {
      boardId: group.id,
      title: 'Vår mall',
    })
    expect(saved.status).toBe(201)
    const { id } = (await saved.json()) as { id: string }
    const stored = (await server.storage.getTemplate(id))!
    expect(stored.records).toContain('Tidsbrist')
    expect(stored.records).not.toContain(AUTHOR)
    expect(stored.records).not.toContain('1700000000000')

    const applied = await call(
      server.url,
      'POST',
      // Writing on the plenary is the facilitator's (participants write on their own group's).
      `/api/boards/${plenary.id}/apply-template`,
      facilitator,
      {
        template: id,
      },
    )
    expect(applied.status).toBe(200)
    const reader = connectProvider({ ...plenary.sync, params: participant })
    cleanups.push(() => reader.provider.destroy())
    await whenSynced(reader.provider)
    const note = readRecords(reader.doc).find((r) => r.type === 'note')!
    expect(note.meta).toEqual({ polarity: 'hindering' })
  })

  it('belong to their workshop, are erased with it unless shared, and are managed by its facilitator', async () => {
    server = await startTestServer()
    const { workshop, participant, facilitator, group, plenary } = await workshopWithSignedNote()
    const save = (query: Record<string, string>, body: object) =>
      call(server!.url, 'POST', '/api/templates', query, { boardId: group.id, ...body })

    const own = (await (await save(participant, { title: 'Gruppens mall' })).json()) as {
      id: string
    }
    expect((await save(participant, { title: 'Till alla', shared: true })).status).toBe(403)
    const shared = (await (
      await save(facilitator, { title: 'Delad mall', shared: true })
    ).json()) as {
      id: string
    }

    // The lobby lists only what is shared; the workshop's boards list both.
    expect((await lobbyTemplates()).map((t) => t.id)).toEqual(expect.not.arrayContaining([own.id]))
    expect((await lobbyTemplates()).map((t) => t.id)).toContain(shared.id)
    expect(await boardTemplates(plenary.id, participant)).toEqual([
      { id: own.id, title: 'Gruppens mall', shared: false, manageable: false },
      { id: shared.id, title: 'Delad mall', shared: true, manageable: false },
    ])
    expect((await boardTemplates(plenary.id, facilitator)).map((t) => t.manageable)).toEqual([
      true,
      true,
    ])

    // Another workshop neither sees nor may use the first one's own template.
    const other = await createWorkshop(server.url)
    const otherFacilitator = { token: tokenOf(other.links.facilitator) }
    expect((await boardTemplates(other.boards[0]!.id, otherFacilitator)).map((t) => t.id)).toEqual([
      shared.id,
    ])
    const foreign = await call(
      server.url,
      'POST',
      `/api/boards/${other.boards[0]!.id}/apply-template`,
      otherFacilitator,
      {
        template: own.id,
      },
    )
    expect(foreign.status).toBe(400)
    const createdFrom = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: own.id }),
    })
    expect(createdFrom.status).toBe(400)
    expect(
      (
        await call(
          server.url,
          'DELETE',
          `/api/boards/${other.boards[0]!.id}/templates/${own.id}`,
          otherFacilitator,
        )
      ).status,
    ).toBe(404)

    // Renaming and deleting: the workshop's facilitator may, its participants may not.
    const renamePath = `/api/boards/${plenary.id}/templates/${own.id}`
    expect((await call(server.url, 'PATCH', renamePath, participant, { title: 'X' })).status).toBe(
      403,
    )
    const renamed = await call(server.url, 'PATCH', renamePath, facilitator, {
      title: 'Omdöpt mall',
    })
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toEqual({ id: own.id, title: 'Omdöpt mall', shared: false })
    expect((await call(server.url, 'PATCH', renamePath, facilitator, { title: '' })).status).toBe(
      400,
    )
    const extra = (await (await save(participant, { title: 'Att ta bort' })).json()) as {
      id: string
    }
    const extraPath = `/api/boards/${plenary.id}/templates/${extra.id}`
    expect((await call(server.url, 'DELETE', extraPath, participant)).status).toBe(403)
    expect((await call(server.url, 'DELETE', extraPath, facilitator)).status).toBe(204)
    expect(await server.storage.getTemplate(extra.id)).toBeUndefined()

    // Erasing the workshop erases its own template, keeps the shared one.
    expect(
      (await call(server.url, 'DELETE', `/api/workshops/${workshop.id}`, facilitator)).status,
    ).toBe(204)
    expect(await server.storage.getTemplate(own.id)).toBeUndefined()
    expect(dbContains('Omdöpt mall')).toBe(false)
    expect(await server.storage.getTemplate(shared.id)).toMatchObject({
      shared: true,
      workshopId: null,
    })
    expect((await lobbyTemplates()).map((t) => t.id)).toContain(shared.id)

    // Owned by no workshop now: whoever may create boards manages it (no ADMIN_TOKEN here).
    const orphanPath = `/api/boards/${other.boards[0]!.id}/templates/${shared.id}`
    expect((await call(server.url, 'DELETE', orphanPath, otherFacilitator)).status).toBe(204)
    expect((await lobbyTemplates()).map((t) => t.id)).not.toContain(shared.id)
  })

  it('keeps a server-wide template out of reach of participants of a standalone board', async () => {
    server = await startTestServer()
    const board = await server.createBoard({})
    const created = (await (
      await call(server.url, 'GET', `/api/boards/${board.id}`, board.sync.params)
    ).json()) as { links: { participant: string } }
    const participant = { token: tokenOf(created.links.participant) }
    const response = await call(server.url, 'POST', '/api/templates', participant, {
      boardId: board.id,
      title: 'Min mall',
    })
    expect(response.status).toBe(403)
  })

  it('scrubs names from templates an older release saved, and keeps them server-wide', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-old-'))
    const db = new Database(path.join(dataDir, 'samskapa.db'))
    db.exec(
      'CREATE TABLE templates (id TEXT PRIMARY KEY, title TEXT NOT NULL, records TEXT NOT NULL, created_at INTEGER NOT NULL)',
    )
    const signed = noteShape(
      {
        id: 'shape:n',
        x: 0,
        y: 0,
        index: 'a1',
        meta: { polarity: 'enabling', author: AUTHOR, createdAt: 5 },
      },
      { text: 'Gammal lapp', color: 'light-green' },
    )
    db.prepare('INSERT INTO templates VALUES (?, ?, ?, ?)').run(
      'saved-old',
      'Gammal',
      JSON.stringify([signed]),
      1,
    )
    db.close()
    server = await startTestServer({}, dataDir)
    expect(await server.storage.getTemplate('saved-old')).toMatchObject({
      shared: true,
      workshopId: null,
    })
    expect((await server.storage.getTemplate('saved-old'))!.records).not.toContain(AUTHOR)
    expect(dbContains(AUTHOR)).toBe(false)
  })
})
