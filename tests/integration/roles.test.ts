import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/board/boardDoc'
import { CloseCode } from '../../shared/closeCodes'
import type { CreatedWorkshop } from '../../shared/workshopContracts'
import { startTestServer, type TestServer } from '../support/testServer'
import { connectProvider, putNote, rawSocket, waitFor, whenSynced } from '../support/syncClients'
import { docFromStored } from '../../server/storage/storedDoc'
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

function syncUrl(workshop: CreatedWorkshop, boardIndex: number, token: string) {
  const board = workshop.boards[boardIndex]!
  return `${board.sync.serverUrl}/${board.sync.room}?token=${encodeURIComponent(token)}`
}

const MARKER = 'viewer-was-here-7f3a'

function facilitatorOf(workshop: CreatedWorkshop) {
  return { token: tokenOf(workshop.links.facilitator) }
}

describe('roles the server enforces', () => {
  it('keeps a viewer from changing the board, while its presence still reaches others', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const board = workshop.boards[0]!
    const facilitator = connectProvider(board.sync)
    cleanups.push(() => facilitator.provider.destroy())
    await whenSynced(facilitator.provider)

    const viewer = new HandMadeClient(syncUrl(workshop, 0, tokenOf(workshop.links.viewer)))
    cleanups.push(() => viewer.close())
    await viewer.opened
    await waitFor(() => readRecords(viewer.doc).length > 0)
    writeRecords(viewer.doc, [{ id: 'shape:viewer', typeName: 'shape', text: MARKER }])
    viewer.sendUpdate(Y.encodeStateAsUpdate(viewer.doc))
    viewer.sendPresence({ presence: { userName: 'Vera Viewer' } })

    await waitFor(() =>
      [...facilitator.provider.awareness.getStates().values()].some(
        (state) =>
          (state as { presence?: { userName?: string } }).presence?.userName === 'Vera Viewer',
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(facilitator.doc.getMap('records').has('shape:viewer')).toBe(false)
    expect(server.rooms.get(board.id)!.doc.getMap('records').has('shape:viewer')).toBe(false)

    facilitator.provider.destroy()
    viewer.close()
    const dataDir = server.dataDir
    await server.stop()
    server = await startTestServer({}, dataDir)
    const stored = await server.storage.loadDoc(board.id)
    const doc = docFromStored(stored)
    expect(doc.getMap('records').has('shape:viewer')).toBe(false)
    expect(readRecords(doc).length).toBeGreaterThan(0)
  })

  it('lets a participant edit but not call facilitator endpoints (403)', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const { params } = await joinGroup(server.url, workshop, 0)
    const participant = { token: params.token }
    const client = connectProvider({ ...workshop.boards[0]!.sync, params })
    cleanups.push(() => client.provider.destroy())
    await whenSynced(client.provider)
    putNote(client.doc, 'shape:p', 'deltagare')
    await waitFor(() =>
      server!.rooms.get(workshop.boards[0]!.id)!.doc.getMap('records').has('shape:p'),
    )

    const base = `/api/workshops/${workshop.id}`
    for (const [method, path] of [
      ['GET', `${base}/overview`],
      ['GET', `${base}/synthesis`],
      ['POST', `${base}/gather`],
      ['POST', `${base}/groups/propose`],
      ['POST', `${base}/rotate`],
      ['DELETE', base],
    ] as const) {
      expect((await call(server.url, method, path, participant, {})).status, path).toBe(403)
    }
    const viewer = { token: tokenOf(workshop.links.viewer) }
    expect((await call(server.url, 'POST', `${base}/join`, viewer, { name: 'V' })).status).toBe(403)
  })

  it('refuses a wrong or missing token with 401 and close code 4401', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const board = workshop.boards[0]!
    expect((await call(server.url, 'GET', `/api/workshops/${workshop.id}`, {})).status).toBe(401)
    expect(
      (await call(server.url, 'GET', `/api/boards/${board.id}`, { token: 'x'.repeat(43) })).status,
    ).toBe(401)
    const wrong = await rawSocket(syncUrl(workshop, 0, 'guess'))
    expect((await wrong.closed).code).toBe(CloseCode.unauthorized)
    const missing = await rawSocket(`${board.sync.serverUrl}/${board.sync.room}`)
    expect((await missing.closed).code).toBe(CloseCode.unauthorized)

    const asViewer = await call(server.url, 'GET', `/api/boards/${board.id}`, {
      token: tokenOf(workshop.links.viewer),
    })
    expect(await asViewer.json()).toMatchObject({
      role: 'viewer',
      workshopId: workshop.id,
      sync: { params: { token: tokenOf(workshop.links.viewer) } },
    })
  })

  it('cuts an open connection when its link is rotated (4409), and the old token gets 401', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const oldToken = tokenOf(workshop.links.participant)
    const socket = new HandMadeClient(syncUrl(workshop, 0, oldToken))
    cleanups.push(() => socket.close())
    await socket.opened
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const rotated = await call(
      server.url,
      'POST',
      `/api/workshops/${workshop.id}/rotate`,
      facilitator,
      {
        role: 'participant',
      },
    )
    expect(rotated.status).toBe(200)
    const { links } = (await rotated.json()) as { links: CreatedWorkshop['links'] }
    expect(await socket.closed).toBe(CloseCode.tokenRevoked)
    expect(tokenOf(links.participant)).not.toBe(oldToken)
    expect(links.viewer).toBe(workshop.links.viewer)
    const path = `/api/workshops/${workshop.id}`
    expect((await call(server.url, 'GET', path, { token: oldToken })).status).toBe(401)
    expect(
      (await call(server.url, 'GET', path, { token: tokenOf(links.participant) })).status,
    ).toBe(200)
    const again = await rawSocket(syncUrl(workshop, 0, oldToken))
    expect((await again.closed).code).toBe(CloseCode.unauthorized)
  })

  it('rotating the facilitator link keeps the other links working', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const old = { token: tokenOf(workshop.links.facilitator) }
    const response = await call(server.url, 'POST', `/api/workshops/${workshop.id}/rotate`, old, {
      role: 'facilitator',
    })
    const { links } = (await response.json()) as { links: CreatedWorkshop['links'] }
    const path = `/api/workshops/${workshop.id}`
    expect((await call(server.url, 'GET', path, old)).status).toBe(401)
    const info = await call(server.url, 'GET', path, { token: tokenOf(links.facilitator) })
    expect(await info.json()).toMatchObject({ role: 'facilitator', links })
    expect(links.participant).toBe(workshop.links.participant)
  })

  it('rate-limits failed attempts per address: 429 on HTTP, 4429 on the socket', async () => {
    server = await startTestServer({ AUTH_FAILURE_LIMIT: '3' })
    const workshop = await createWorkshop(server.url)
    const path = `/api/workshops/${workshop.id}`
    const statuses = []
    for (let i = 0; i < 4; i++)
      statuses.push((await call(server.url, 'GET', path, { token: `bad${i}` })).status)
    expect(statuses).toEqual([401, 401, 401, 429])
    const wrong = await rawSocket(syncUrl(workshop, 0, 'bad-again'))
    expect((await wrong.closed).code).toBe(CloseCode.rateLimited)
  })

  it('never locks out a right token, however many wrong ones came from its address', async () => {
    server = await startTestServer({ AUTH_FAILURE_LIMIT: '3' })
    const workshop = await createWorkshop(server.url)
    const path = `/api/workshops/${workshop.id}`
    const rotated = (await (
      await call(server.url, 'POST', `${path}/rotate`, facilitatorOf(workshop), {
        role: 'participant',
      })
    ).json()) as { links: Record<string, string> }
    // One forgotten tab keeps polling with the old participant link, as a school's NAT sees it.
    const stale = { token: tokenOf(workshop.links.participant), participant: 'x' }
    for (let i = 0; i < 30; i++) await call(server.url, 'GET', `${path}/me`, stale)
    expect((await call(server.url, 'GET', `${path}/me`, stale)).status).toBe(429)
    // The facilitator and the participants with the new link, from the same address, go on.
    const overview = await call(server.url, 'GET', `${path}/overview`, facilitatorOf(workshop))
    expect(overview.status).toBe(200)
    const participant = { token: tokenOf(rotated.links.participant!) }
    expect((await call(server.url, 'GET', path, participant)).status).toBe(200)
    const socket = await rawSocket(syncUrl(workshop, 0, tokenOf(workshop.links.facilitator)))
    expect(socket.opened).toBe(true)
    socket.socket.close()
  })

  it('counts failures per credential too, from however many addresses it comes', async () => {
    server = await startTestServer({ AUTH_FAILURE_LIMIT: '3', TRUST_PROXY: '1' })
    const workshop = await createWorkshop(server.url)
    const statuses = []
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${server.url}/api/workshops/${workshop.id}?token=guess`, {
        headers: { 'X-Forwarded-For': `10.0.0.${i}` },
      })
      statuses.push(response.status)
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429])
  })

  it('rotates the links of a standalone board, cutting off whoever holds the old one', async () => {
    server = await startTestServer()
    const response = await fetch(`${server.url}/api/boards`, { method: 'POST' })
    const board = (await response.json()) as { id: string; links: Record<string, string> }
    const oldToken = tokenOf(board.links.participant!)
    const holder = await rawSocket(
      `${server.url.replace('http', 'ws')}/sync/${board.id}?token=${oldToken}`,
    )
    expect(holder.opened).toBe(true)
    const rotate = (token: string) =>
      call(
        server!.url,
        'POST',
        `/api/boards/${board.id}/rotate`,
        { token },
        { role: 'participant' },
      )
    expect((await rotate(oldToken)).status).toBe(403)
    const rotated = await rotate(tokenOf(board.links.facilitator!))
    expect(rotated.status).toBe(200)
    const { links } = (await rotated.json()) as { links: Record<string, string> }
    expect((await holder.closed).code).toBe(CloseCode.tokenRevoked)
    const path = `/api/boards/${board.id}`
    expect((await call(server.url, 'GET', path, { token: oldToken })).status).toBe(401)
    const fresh = await call(server.url, 'GET', path, { token: tokenOf(links.participant!) })
    expect(await fresh.json()).toMatchObject({ role: 'participant' })
  })

  it('requires ADMIN_TOKEN to create workshops and boards when it is set', async () => {
    const admin = 'admin-secret-0123456789'
    server = await startTestServer({ ADMIN_TOKEN: admin })
    const body = { title: 'T', groups: 1 }
    await expect(createWorkshop(server.url, body)).rejects.toThrow('401')
    await expect(
      createWorkshop(server.url, body, { Authorization: 'Bearer wrong' }),
    ).rejects.toThrow('401')
    const created = await createWorkshop(server.url, body, { Authorization: `Bearer ${admin}` })
    expect(created.boards).toHaveLength(3)
    expect((await fetch(`${server.url}/api/boards`, { method: 'POST' })).status).toBe(401)
    const board = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}` },
    })
    expect(board.status).toBe(201)
  })

  it('keeps boards made before tokens existed open to anyone with the link', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    await server.storage.replaceTokens([])
    const legacyId = 'legacyboard1'
    await server.storage.createBoard(
      { id: legacyId, title: 'Gammal', template: 'blank', createdAt: 1 },
      Y.encodeStateAsUpdate(new Y.Doc()),
    )
    const response = await fetch(`${server.url}/api/boards/${legacyId}`)
    expect(await response.json()).toMatchObject({ role: 'participant', sync: { params: {} } })
    expect(board.sync.params.token).toBeTruthy()
  })
})
