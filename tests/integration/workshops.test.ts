import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { metaMap, readRecords, writeRecords } from '../../shared/board/boardDoc'
import { frameShape, noteShape } from '../../shared/board/shapeRecords'
import { CloseCode } from '../../shared/closeCodes'
import type {
  JoinedWorkshop,
  Synthesis,
  WorkshopInfo,
  WorkshopOverview,
} from '../../shared/workshopContracts'
import { startTestServer, type TestServer } from '../support/testServer'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import {
  call,
  createWorkshop,
  HandMadeClient,
  joinGroup,
  tokenOf,
} from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

function connect(sync: Parameters<typeof connectProvider>[0]) {
  const client = connectProvider(sync)
  cleanups.push(() => client.provider.destroy())
  return client
}

describe('workshops', () => {
  it('creates a workshop exactly as the contract says', async () => {
    server = await startTestServer()
    const response = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Digital förändring',
        groups: 3,
        date: '2025-03-14',
        track: 'Skola och lärande',
      }),
    })
    expect(response.status).toBe(201)
    const created = (await response.json()) as Record<string, unknown> &
      Awaited<ReturnType<typeof createWorkshop>>
    expect(Object.keys(created).sort()).toEqual(['boards', 'id', 'links'])
    const token = tokenOf(created.links.facilitator)
    for (const role of ['facilitator', 'participant', 'viewer', 'recorder'] as const) {
      expect(created.links[role]).toMatch(
        new RegExp(`^${server.url}/w/${created.id}\\?token=[\\w-]{43}$`),
      )
    }
    expect(new Set(Object.values(created.links)).size).toBe(4)
    expect(created.boards.map((b) => [b.name, b.kind])).toEqual([
      ['Grupp 1', 'group'],
      ['Grupp 2', 'group'],
      ['Grupp 3', 'group'],
      ['Plenum', 'plenary'],
      ['Dokumentation', 'recorder'],
    ])
    for (const board of created.boards) {
      expect(board.url).toBe(`${server.url}/b/${board.id}?token=${token}`)
      expect(board.sync).toEqual({
        serverUrl: `${server.url.replace('http', 'ws')}/sync`,
        room: board.id,
        params: { token },
      })
    }

    const dataDir = server.dataDir
    await server.stop()
    server = await startTestServer({}, dataDir)
    const info = (await (
      await call(server.url, 'GET', `/api/workshops/${created.id}`, { token })
    ).json()) as WorkshopInfo
    expect(info).toMatchObject({
      id: created.id,
      title: 'Digital förändring',
      date: '2025-03-14',
      track: 'Skola och lärande',
      template: 'hindering-enabling',
      role: 'facilitator',
      allowGroupChoice: false,
    })
    // The port changed with the restart; the tokens did not.
    expect(Object.values(info.links!).map(tokenOf)).toEqual(
      Object.values(created.links).map(tokenOf),
    )
    expect(info.boards).toHaveLength(5)
    const client = connect({
      ...created.boards[0]!.sync,
      serverUrl: `${server.url.replace('http', 'ws')}/sync`,
    })
    await whenSynced(client.provider)
    expect(readRecords(client.doc).some((r) => r.typeName === 'page')).toBe(true)
  })

  it('joins participants, proposes mixed groups, and moves them when confirmed', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'W', groups: 2 })
    const participant = { token: tokenOf(workshop.links.participant) }
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const base = `/api/workshops/${workshop.id}`
    const people = [
      ['Anna', 'Malmö'],
      ['Bertil', 'Malmö'],
      ['Cecilia', 'Lund'],
      ['David', 'Lund'],
      ['Eva', undefined],
    ] as const
    const joined: JoinedWorkshop[] = []
    for (const [name, municipality] of people) {
      const response = await call(server.url, 'POST', `${base}/join`, participant, {
        name,
        municipality,
      })
      expect(response.status).toBe(201)
      joined.push((await response.json()) as JoinedWorkshop)
    }
    expect(joined[0]).toMatchObject({
      boardId: null,
      participantKey: expect.stringMatching(/^[\w-]{43}$/),
    })

    const proposed = (await (
      await call(server.url, 'POST', `${base}/groups/propose`, facilitator, {})
    ).json()) as {
      assignments: Record<string, string>
    }
    const groupOf = (i: number) => proposed.assignments[joined[i]!.participantId]
    expect(groupOf(0)).not.toBe(groupOf(1))
    expect(groupOf(2)).not.toBe(groupOf(3))
    const sizes = Object.values(proposed.assignments).reduce<Record<string, number>>(
      (count, id) => ({ ...count, [id]: (count[id] ?? 0) + 1 }),
      {},
    )
    expect(Object.values(sizes).sort()).toEqual([2, 3])

    const me = { ...participant, participant: joined[0]!.participantKey }
    expect(await (await call(server.url, 'GET', `${base}/me`, me)).json()).toMatchObject({
      boardId: null,
    })
    const confirmed = await call(
      server.url,
      'POST',
      `${base}/groups/confirm`,
      facilitator,
      proposed,
    )
    expect(confirmed.status).toBe(200)
    expect(await (await call(server.url, 'GET', `${base}/me`, me)).json()).toEqual({
      participantId: joined[0]!.participantId,
      name: 'Anna',
      municipality: 'Malmö',
      boardId: groupOf(0),
    })
    expect(
      (await call(server.url, 'GET', `${base}/me`, { ...participant, participant: 'nope' })).status,
    ).toBe(401)

    const choose = { boardId: workshop.boards[1]!.id }
    expect((await call(server.url, 'POST', `${base}/choose-group`, me, choose)).status).toBe(403)
    await call(server.url, 'PATCH', base, facilitator, {
      allowGroupChoice: true,
      title: 'Ny titel',
    })
    expect((await call(server.url, 'POST', `${base}/choose-group`, me, choose)).status).toBe(200)
    const info = (await (await call(server.url, 'GET', base, participant)).json()) as WorkshopInfo
    expect(info).toMatchObject({ title: 'Ny titel', allowGroupChoice: true, role: 'participant' })
    expect(info.links).toBeUndefined()
  })

  it('shows the facilitator who is online, counts, clusters and last activity per board', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'W', groups: 2, template: 'blank' })
    const board = workshop.boards[0]!
    const anna = connect(board.sync)
    await whenSynced(anna.provider)
    anna.provider.awareness.setLocalStateField('presence', { userName: 'Anna' })
    writeRecords(anna.doc, [
      frameShape(
        { id: 'shape:c1', x: 0, y: 0, index: 'a1', meta: { kind: 'cluster' } },
        { w: 600, h: 600, name: 'Ledarskap', color: 'black' },
      ),
      {
        ...noteShape(
          {
            id: 'shape:n1',
            x: 10,
            y: 40,
            index: 'a2',
            parentId: 'shape:c1',
            meta: { polarity: 'hindering', createdAt: 1 },
          },
          { text: 'Otydlig styrning', color: 'yellow' },
        ),
      },
      {
        ...noteShape(
          {
            id: 'shape:n2',
            x: 900,
            y: 0,
            index: 'a3',
            meta: { polarity: 'enabling', createdAt: 1 },
          },
          { text: 'Modiga chefer', color: 'yellow' },
        ),
      },
    ])
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    await waitFor(() => server!.storage.lastActivity(board.id) !== null)
    await waitFor(() => (server!.rooms.get(board.id)?.awareness.getStates().size ?? 0) > 0)
    const overview = (await (
      await call(server.url, 'GET', `/api/workshops/${workshop.id}/overview`, facilitator)
    ).json()) as WorkshopOverview
    expect(overview.boards[0]).toMatchObject({
      id: board.id,
      name: 'Grupp 1',
      kind: 'group',
      online: ['Anna'],
      counts: { hindering: 1, enabling: 1, undecided: 0, unsorted: 1, total: 2 },
      clusters: [{ id: 'shape:c1', name: 'Ledarskap', total: 1 }],
    })
    expect(overview.boards[0]!.lastActivity).toBeGreaterThan(Date.now() - 60_000)
    expect(overview.boards[1]).toMatchObject({ online: [], counts: { total: 0 } })
  })

  it('puts a banner into every board doc, and clears it', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const client = connect(workshop.boards[1]!.sync)
    await whenSynced(client.provider)
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const path = `/api/workshops/${workshop.id}/message`
    expect(
      (await call(server.url, 'POST', path, facilitator, { text: 'Fika om 5 minuter' })).status,
    ).toBe(200)
    await waitFor(
      () =>
        (metaMap(client.doc).get('banner') as { text?: string } | undefined)?.text ===
        'Fika om 5 minuter',
    )
    await call(server.url, 'POST', path, facilitator, { text: '' })
    await waitFor(() => !metaMap(client.doc).has('banner'))
  })

  it('gathers the groups into the plenary board as one frame per key area', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'W', groups: 2, template: 'blank' })
    const groups = workshop.boards.slice(0, 2).map((board) => connect(board.sync))
    await Promise.all(groups.map((g) => whenSynced(g.provider)))
    const texts = [
      'Chefer saknar tid för förändringsarbete',
      'Cheferna har ingen tid för förändring',
    ]
    groups.forEach((group, i) =>
      writeRecords(group.doc, [
        frameShape(
          { id: 'shape:c', x: 0, y: 0, index: 'a1', meta: { kind: 'cluster' } },
          { w: 600, h: 600, name: i ? ' ledarskap' : 'Ledarskap', color: 'black' },
        ),
        noteShape(
          {
            id: 'shape:n',
            x: 10,
            y: 40,
            index: 'a2',
            parentId: 'shape:c',
            meta: { polarity: 'hindering', createdAt: 1 },
          },
          { text: texts[i]!, color: 'yellow' },
        ),
      ]),
    )
    await waitFor(() =>
      groups.every((_, i) => server!.storage.lastActivity(workshop.boards[i]!.id) !== null),
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const preview = (await (
      await call(server.url, 'GET', `/api/workshops/${workshop.id}/synthesis`, facilitator)
    ).json()) as Synthesis
    expect(preview.groups.map((g) => g.id)).toEqual(workshop.boards.slice(0, 2).map((b) => b.id))
    expect(preview.keyAreas).toHaveLength(1)
    expect(preview.keyAreas[0]!.hindering).toHaveLength(1)
    expect(preview.keyAreas[0]!.hindering[0]!.groups).toHaveLength(2)

    const plenary = connect(workshop.boards[2]!.sync)
    await whenSynced(plenary.provider)
    const gathered = await call(
      server.url,
      'POST',
      `/api/workshops/${workshop.id}/gather`,
      facilitator,
      {},
    )
    expect(await gathered.json()).toEqual(preview)
    await waitFor(() => readRecords(plenary.doc).some((r) => r.type === 'note'))
    const note = readRecords(plenary.doc).find((r) => r.type === 'note')!
    // Written onto a board made without a language: Swedish, as the board itself is.
    expect(JSON.stringify(note.props)).toContain('nämnd av 2 av 2 grupper')
    expect((note.meta as { wordings: unknown[] }).wordings).toHaveLength(2)
  })

  it('erases a workshop with no trace of its notes or names in the database files', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const marker = `Hemlig-markör-${Date.now()}-qz`
    const name = `Zlatan-Testsson-${Date.now()}`
    const { params } = await joinGroup(server.url, workshop, 0, name)
    const writer = connect({ ...workshop.boards[0]!.sync, params })
    await whenSynced(writer.provider)
    writeRecords(writer.doc, [
      noteShape({ id: 'shape:secret', x: 0, y: 0, index: 'a9' }, { text: marker, color: 'yellow' }),
    ])
    const watcher = new HandMadeClient(
      `${workshop.boards[0]!.sync.serverUrl}/${workshop.boards[0]!.id}?token=${tokenOf(workshop.links.viewer)}`,
    )
    cleanups.push(() => watcher.close())
    await watcher.opened
    await waitFor(() => server!.storage.lastActivity(workshop.boards[0]!.id) !== null)
    server.rooms.get(workshop.boards[0]!.id)!.compact()
    await server.storage.checkpoint()
    const files = () =>
      fs
        .readdirSync(server!.dataDir)
        .map((file) => fs.readFileSync(path.join(server!.dataDir, file)))
    const contains = (text: string) => files().some((bytes) => bytes.includes(Buffer.from(text)))
    expect(contains(marker)).toBe(true)
    expect(contains(name)).toBe(true)

    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const erased = await call(server.url, 'DELETE', `/api/workshops/${workshop.id}`, facilitator)
    expect(erased.status).toBe(204)
    expect(await watcher.closed).toBe(CloseCode.boardNotFound)
    expect(server.rooms.get(workshop.boards[0]!.id)).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await server.storage.checkpoint()
    expect(contains(marker)).toBe(false)
    expect(contains(name)).toBe(false)
    expect(
      (await call(server.url, 'GET', `/api/workshops/${workshop.id}`, facilitator)).status,
    ).toBe(404)
    expect(await server.storage.getBoard(workshop.boards[0]!.id)).toBeUndefined()
    expect(await server.storage.tokensOf(workshop.id)).toEqual([])
  })
})
