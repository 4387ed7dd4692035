import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/board/boardDoc'
import { CloseCode } from '../../shared/closeCodes'
import type { CreatedWorkshop, WorkshopInfo } from '../../shared/workshopContracts'
import { loadStoredDoc } from '../support/storedBoard'
import { startTestServer, type TestServer } from '../support/testServer'
import { waitFor } from '../support/syncClients'
import { call, createWorkshop, HandMadeClient, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

function boardOf(workshop: CreatedWorkshop, kind: 'group' | 'recorder') {
  return workshop.boards.find((board) => board.kind === kind)!
}

function openAs(workshop: CreatedWorkshop, boardId: string, token: string) {
  const board = workshop.boards.find((entry) => entry.id === boardId)!
  const client = new HandMadeClient(
    `${board.sync.serverUrl}/${board.sync.room}?token=${encodeURIComponent(token)}`,
  )
  cleanups.push(() => client.close())
  return client
}

async function writeAs(client: HandMadeClient, id: string) {
  await client.opened
  await waitFor(() => readRecords(client.doc).length > 0)
  writeRecords(client.doc, [
    {
      id,
      typeName: 'shape',
      type: 'text',
      x: 0,
      y: 0,
      rotation: 0,
      index: 'a9',
      parentId: 'page:page',
      isLocked: false,
      opacity: 1,
      meta: {},
      props: {
        color: 'black',
        size: 'm',
        font: 'draw',
        textAlign: 'start',
        w: 100,
        richText: { type: 'doc', content: [{ type: 'paragraph' }] },
        scale: 1,
        autoSize: true,
      },
    },
  ])
  client.sendUpdate(Y.encodeStateAsUpdate(client.doc))
}

describe('the graphic recorder', () => {
  it('gets a recorder board and a fourth link when a workshop is created', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'T', groups: 2, language: 'sv' })
    expect(workshop.boards.map((board) => [board.name, board.kind])).toEqual([
      ['Grupp 1', 'group'],
      ['Grupp 2', 'group'],
      ['Plenum', 'plenary'],
      ['Dokumentation', 'recorder'],
    ])
    const recorder = { token: tokenOf(workshop.links.recorder) }
    const info = (await (
      await call(server.url, 'GET', `/api/workshops/${workshop.id}`, recorder)
    ).json()) as WorkshopInfo
    expect(info.role).toBe('recorder')
    expect(info.links).toBeUndefined()
    const onGroup = await call(
      server.url,
      'GET',
      `/api/boards/${boardOf(workshop, 'group').id}`,
      recorder,
    )
    expect(await onGroup.json()).toMatchObject({ role: 'recorder', kind: 'group', canWrite: false })
    const onOwn = await call(
      server.url,
      'GET',
      `/api/boards/${boardOf(workshop, 'recorder').id}`,
      recorder,
    )
    expect(await onOwn.json()).toMatchObject({ kind: 'recorder', canWrite: true })
  })

  it('writes on the recorder board, and cannot write on a group board (stored doc unchanged)', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const token = tokenOf(workshop.links.recorder)
    const group = boardOf(workshop, 'group')
    const own = boardOf(workshop, 'recorder')

    await writeAs(openAs(workshop, own.id, token), 'shape:drawn')
    await waitFor(
      () => server!.rooms.get(own.id)?.doc.getMap('records').has('shape:drawn') === true,
    )

    const before = loadStoredDoc(server.dataDir, group.id).getMap('records').size
    const onGroup = openAs(workshop, group.id, token)
    await writeAs(onGroup, 'shape:intruder')
    // The write policy refuses the change and ends the connection with a final close code.
    expect(await onGroup.closed).toBe(CloseCode.writeForbidden)
    expect(server.rooms.get(group.id)!.doc.getMap('records').has('shape:intruder')).toBe(false)
    const facilitator = openAs(workshop, group.id, tokenOf(workshop.links.facilitator))
    await writeAs(facilitator, 'shape:facilitator')
    await waitFor(
      () => server!.rooms.get(group.id)?.doc.getMap('records').has('shape:facilitator') === true,
    )

    const stored = loadStoredDoc(server.dataDir, group.id).getMap('records')
    expect(stored.has('shape:intruder')).toBe(false)
    expect(stored.size).toBe(before + 1)
  })

  it('is refused REST writes on group boards (403) and allowed them on its own', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const recorder = { token: tokenOf(workshop.links.recorder) }
    const importTo = (boardId: string) =>
      fetch(`${server!.url}/api/boards/${boardId}/import?token=${recorder.token}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: '+ Stöd från ledningen',
      })
    expect((await importTo(boardOf(workshop, 'group').id)).status).toBe(403)
    expect((await importTo(boardOf(workshop, 'recorder').id)).status).toBe(200)
    const base = `/api/workshops/${workshop.id}`
    for (const [method, route] of [
      ['GET', `${base}/overview`],
      ['POST', `${base}/gather`],
      ['DELETE', base],
    ] as const) {
      expect((await call(server.url, method, route, recorder, {})).status, route).toBe(403)
    }
  })

  it('gives a workshop made before the recorder role its recorder board and link', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-test-'))
    server = await startTestServer({}, dataDir)
    const workshop = await createWorkshop(server.url)
    await server.stop()
    server = undefined
    // Turn the file back into what an older release wrote: old CHECKs, no recorder rows.
    const db = new Database(path.join(dataDir, 'samskapa.db'))
    const recorderBoard = boardOf(workshop, 'recorder').id
    db.exec(`DELETE FROM workshop_boards WHERE kind = 'recorder'; DELETE FROM tokens WHERE role = 'recorder';
      DELETE FROM boards WHERE id = '${recorderBoard}';
      CREATE TABLE t AS SELECT * FROM tokens; DROP TABLE tokens;
      CREATE TABLE tokens (id TEXT PRIMARY KEY, scope_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer')),
        hash BLOB NOT NULL, sealed BLOB, created_at INTEGER NOT NULL, rotated_at INTEGER);
      INSERT INTO tokens SELECT * FROM t; DROP TABLE t;`)
    db.close()

    server = await startTestServer({}, dataDir)
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const info = (await (
      await call(server.url, 'GET', `/api/workshops/${workshop.id}`, facilitator)
    ).json()) as WorkshopInfo
    expect(info.boards.map((board) => board.kind)).toEqual([
      'group',
      'group',
      'plenary',
      'recorder',
    ])
    const asRecorder = await call(server.url, 'GET', `/api/workshops/${workshop.id}`, {
      token: tokenOf(info.links!.recorder),
    })
    expect(((await asRecorder.json()) as WorkshopInfo).role).toBe('recorder')
  })

  it('keeps standalone boards at three links', async () => {
    server = await startTestServer()
    const response = await fetch(`${server.url}/api/boards`, { method: 'POST' })
    const created = (await response.json()) as { links: Record<string, string> }
    expect(Object.keys(created.links).sort()).toEqual(['facilitator', 'participant', 'viewer'])
    const { id } = created as unknown as { id: string }
    const token = tokenOf(created.links.facilitator!)
    const rotate = await call(
      server.url,
      'POST',
      `/api/boards/${id}/rotate`,
      { token },
      {
        role: 'recorder',
      },
    )
    expect(rotate.status).toBe(400)
  })
})

describe('board records for captures', () => {
  it('lets the recorder read any board of its workshop, and nobody without a token', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const group = boardOf(workshop, 'group')
    const client = openAs(workshop, group.id, tokenOf(workshop.links.facilitator))
    await writeAs(client, 'shape:seen')
    await waitFor(
      () => server!.rooms.get(group.id)?.doc.getMap('records').has('shape:seen') === true,
    )
    const path = `/api/boards/${group.id}/records`
    const read = await call(server.url, 'GET', path, { token: tokenOf(workshop.links.recorder) })
    expect(read.status).toBe(200)
    const body = (await read.json()) as { records: { id: string }[] }
    expect(body.records.map((record) => record.id)).toContain('shape:seen')
    expect((await call(server.url, 'GET', path, {})).status).toBe(401)
    expect((await call(server.url, 'GET', path, { token: 'wrong' })).status).toBe(401)
  })
})
