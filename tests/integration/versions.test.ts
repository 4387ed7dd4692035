import { afterEach, describe, expect, it } from 'vitest'
import { readRecord, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { RestoredVersion, VersionDetail, VersionSummary } from '../../shared/versionContracts'
import type { CreatedBoard } from '../../shared/workshopContracts'
import { startTestServer, type TestServer } from '../support/testServer'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

const note = (id: string, x: number, text: string) =>
  noteShape({ id, x, y: 0, index: 'a1' }, { text, color: 'yellow' })

describe('versions of a board', () => {
  it('saves named versions that survive a restart, newest first', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const board = workshop.boards[0]!
    const { params: participant } = await joinGroup(server.url, workshop, 0)
    const path = `/api/boards/${board.id}/versions`
    const first = await call(server.url, 'POST', path, participant, { name: 'Förmiddag' })
    expect(first.status).toBe(201)
    expect(await first.json()).toMatchObject({ name: 'Förmiddag', auto: false })
    await call(server.url, 'POST', path, participant, { name: 'Eftermiddag' })
    expect((await call(server.url, 'POST', path, participant, { name: ' ' })).status).toBe(400)
    const viewer = { token: tokenOf(workshop.links.viewer) }
    expect((await call(server.url, 'POST', path, viewer, { name: 'x' })).status).toBe(403)
    // The same write policy as sync: another group's board, or no participant key, is refused.
    const otherGroup = `/api/boards/${workshop.boards[1]!.id}/versions`
    expect((await call(server.url, 'POST', otherGroup, participant, { name: 'x' })).status).toBe(
      403,
    )
    const unnamed = { token: participant.token }
    expect((await call(server.url, 'POST', path, unnamed, { name: 'x' })).status).toBe(403)

    const dataDir = server.dataDir
    await server.stop()
    server = await startTestServer({}, dataDir)
    const listed = (await (await call(server.url, 'GET', path, viewer)).json()) as VersionSummary[]
    expect(listed.map((version) => version.name)).toEqual(['Eftermiddag', 'Förmiddag'])
    const detail = (await (
      await call(server.url, 'GET', `${path}/${listed[1]!.id}`, viewer)
    ).json()) as VersionDetail
    expect(detail.records.some((record) => record.typeName === 'page')).toBe(true)
  })

  it('restores a moved and a deleted note as a new change, keeping the history', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'T', groups: 1, language: 'sv' })
    const board = workshop.boards[0]!
    const client = connectProvider(board.sync)
    cleanups.push(() => client.provider.destroy())
    await whenSynced(client.provider)
    writeRecords(client.doc, [
      note('shape:moved', 0, 'Flyttas'),
      note('shape:gone', 300, 'Raderas'),
    ])
    const room = () => server!.rooms.get(board.id)!.doc
    await waitFor(() => readRecord(room(), 'shape:gone') !== undefined)
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const path = `/api/boards/${board.id}/versions`
    const saved = (await (
      await call(server.url, 'POST', path, facilitator, { name: 'Före' })
    ).json()) as VersionSummary

    client.doc.transact(() => {
      writeRecords(
        client.doc,
        [note('shape:moved', 900, 'Flyttas'), note('shape:new', 0, 'Ny')],
        ['shape:gone'],
      )
    })
    await waitFor(() => readRecord(room(), 'shape:gone') === undefined)

    const participant = { token: tokenOf(workshop.links.participant) }
    expect(
      (await call(server.url, 'POST', `${path}/${saved.id}/restore`, participant)).status,
    ).toBe(403)
    const response = await call(server.url, 'POST', `${path}/${saved.id}/restore`, {
      ...facilitator,
      lang: 'sv',
    })
    expect(response.status).toBe(200)
    const restored = (await response.json()) as RestoredVersion
    expect(restored.before).toMatchObject({ name: 'Före återställning', auto: true })

    // Everyone connected sees the restore live.
    await waitFor(() => readRecord(client.doc, 'shape:gone') !== undefined)
    expect(readRecord(client.doc, 'shape:moved')!.x).toBe(0)
    expect(readRecord(client.doc, 'shape:new')).toBeUndefined()
    // The state before the restore is itself a version, holding the moved note and the new one.
    const before = (await (
      await call(server.url, 'GET', `${path}/${restored.before.id}`, facilitator)
    ).json()) as VersionDetail
    const beforeIds = before.records.map((record) => record.id)
    expect(beforeIds).toContain('shape:new')
    expect(beforeIds).not.toContain('shape:gone')
    const listed = (await (
      await call(server.url, 'GET', path, facilitator)
    ).json()) as VersionSummary[]
    expect(listed.map((version) => version.name)).toEqual(['Före återställning', 'Före'])

    // Restore as a copy: a new board with the version's notes and its own links.
    const copy = await call(server.url, 'POST', `${path}/${saved.id}/copy`, facilitator, {})
    expect(copy.status).toBe(201)
    const created = (await copy.json()) as CreatedBoard
    expect(created.id).not.toBe(board.id)
    expect(created.title).toBe('Grupp 1 – Före')
    const copyClient = connectProvider(created.sync)
    cleanups.push(() => copyClient.provider.destroy())
    await whenSynced(copyClient.provider)
    expect(readRecord(copyClient.doc, 'shape:gone')).toBeDefined()
  })

  it('saves an automatic version of the plenary before every gather', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'T', groups: 2, language: 'en' })
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    expect(
      (await call(server.url, 'POST', `/api/workshops/${workshop.id}/gather`, facilitator)).status,
    ).toBe(200)
    const plenary = workshop.boards.find((board) => board.kind === 'plenary')!
    const listed = (await (
      await call(server.url, 'GET', `/api/boards/${plenary.id}/versions`, facilitator)
    ).json()) as VersionSummary[]
    expect(listed).toMatchObject([{ auto: true }])
    expect(listed[0]!.name).toBe('Before gathering in plenary')
  })

  it('erases versions with the workshop', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const board = workshop.boards[0]!
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    await call(server.url, 'POST', `/api/boards/${board.id}/versions`, facilitator, { name: 'v' })
    expect(await server.storage.listVersions(board.id)).toHaveLength(1)
    await call(server.url, 'DELETE', `/api/workshops/${workshop.id}`, facilitator)
    expect(await server.storage.listVersions(board.id)).toHaveLength(0)
  })
})
