import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords } from '../../shared/board/boardDoc'
import { startTestServer, type TestServer } from '../support/testServer'
import { connectProvider, noteText, putNote, waitFor, whenSynced } from '../support/syncClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

function track<T extends { provider: { destroy(): void } }>(client: T): T {
  cleanups.push(() => client.provider.destroy())
  return client
}

describe('sync server', () => {
  it('answers the health check and creates boards with a sync contract', async () => {
    server = await startTestServer()
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ ok: true })

    const board = await server.createBoard({ title: 'Grupp 1', template: 'hindering-enabling' })
    const token = board.sync.params.token
    expect(token).toMatch(/^[\w-]{43}$/)
    expect(board).toMatchObject({
      title: 'Grupp 1',
      url: `${server.url}/b/${board.id}?token=${token}`,
    })
    expect(board.sync).toEqual({
      serverUrl: `${server.url.replace('http', 'ws')}/sync`,
      room: board.id,
      params: { token },
    })
  })

  it('lets two stock y-websocket clients converge', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const alice = track(connectProvider(board.sync))
    const bob = track(connectProvider(board.sync))
    await Promise.all([whenSynced(alice.provider), whenSynced(bob.provider)])

    expect(readRecords(bob.doc).map((r) => r.typeName)).toContain('page')
    putNote(alice.doc, 'shape:a', 'från Alice')
    putNote(bob.doc, 'shape:b', 'från Bob')
    await waitFor(() => alice.doc.getMap('records').has('shape:b'))
    await waitFor(() => bob.doc.getMap('records').has('shape:a'))
    expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc))
  })

  it('stores the edit a client sent right before it closed', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const alice = connectProvider(board.sync)
    await whenSynced(alice.provider)
    // Sent and closed in the same turn: the update and the close frame can arrive together.
    putNote(alice.doc, 'shape:last', 'Sista lappen')
    alice.provider.destroy()
    const bob = track(connectProvider(board.sync))
    await whenSynced(bob.provider)
    await waitFor(() => noteText(bob.doc, 'shape:last') === 'Sista lappen')
  })

  it('keeps the board across a restart and gives a new client the full state', async () => {
    server = await startTestServer()
    const { dataDir } = server
    const board = await server.createBoard()
    const alice = track(connectProvider(board.sync))
    await whenSynced(alice.provider)
    putNote(alice.doc, 'shape:kept', 'Vi vågar göra fel')
    await waitFor(() => server!.rooms.get(board.id)!.doc.getMap('records').has('shape:kept'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    alice.provider.destroy()
    await server.stop()

    server = await startTestServer({}, dataDir)
    const sync = { ...board.sync, serverUrl: `${server.url.replace('http', 'ws')}/sync` }
    const carol = track(connectProvider(sync))
    await whenSynced(carol.provider)
    expect(noteText(carol.doc, 'shape:kept')).toBe('Vi vågar göra fel')
  })

  it('unloads a room after its last client leaves and loads it again on return', async () => {
    server = await startTestServer({ ROOM_GRACE_MS: '50' })
    const board = await server.createBoard()
    const alice = connectProvider(board.sync)
    await whenSynced(alice.provider)
    putNote(alice.doc, 'shape:x', 'x')
    await waitFor(() => server!.rooms.get(board.id)?.doc.getMap('records').has('shape:x') ?? false)
    alice.provider.destroy()
    await waitFor(() => server!.rooms.get(board.id) === undefined)

    const bob = track(connectProvider(board.sync))
    await whenSynced(bob.provider)
    expect(bob.doc.getMap('records').has('shape:x')).toBe(true)
  })
})
