import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { CloseCode } from '../../shared/closeCodes'
import { startTestServer, type TestServer } from '../support/testServer'
import { connectProvider, putNote, rawSocket, waitFor, whenSynced } from '../support/syncClients'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

function syncUpdateFrame(update: Uint8Array) {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function storedRowCount(dataDir: string) {
  const db = new Database(path.join(dataDir, 'samskapa.db'), { readonly: true })
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number }
  db.close()
  return n
}

describe('bad input', () => {
  it('answers 404 for an unknown board and 400 for a malformed id', async () => {
    server = await startTestServer()
    expect((await fetch(`${server.url}/api/boards/abcdefghij`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/boards/${'x'.repeat(200)}`)).status).toBe(400)
    expect((await fetch(`${server.url}/api/boards/..%2F..%2Fetc`)).status).toBe(400)
  })

  it('closes a socket to an unknown board with 4404 and refuses a malformed id with 400', async () => {
    server = await startTestServer()
    const ws = server.url.replace('http', 'ws')
    const unknown = await rawSocket(`${ws}/sync/abcdefghij`)
    expect((await unknown.closed).code).toBe(CloseCode.boardNotFound)
    const malformed = await rawSocket(`${ws}/sync/..%2F..%2Fetc`)
    expect(malformed.opened).toBe(false)
  })

  it('rejects a bad or oversized board request body', async () => {
    server = await startTestServer()
    const post = (body: string) =>
      fetch(`${server!.url}/api/boards`, { method: 'POST', body }).then((r) => r.status)
    expect(await post('{not json')).toBe(400)
    expect(await post(JSON.stringify({ template: 'no-such-template' }))).toBe(400)
    expect(await post(JSON.stringify({ title: 'x'.repeat(100_000) }))).toBe(413)
  })

  const badFrames: [string, () => Uint8Array | string, number][] = [
    [
      'a frame that is not the y-websocket protocol',
      () => new Uint8Array([9, 1, 2]),
      CloseCode.protocolViolation,
    ],
    ['a text frame', () => 'hello', CloseCode.protocolViolation],
    ['a truncated message', () => new Uint8Array([0, 2, 200]), CloseCode.protocolViolation],
    [
      'a corrupt Yjs update',
      () => syncUpdateFrame(new Uint8Array([1, 5, 255, 255, 255, 7, 3, 9])),
      CloseCode.corruptUpdate,
    ],
    ['a frame over the size limit', () => new Uint8Array(70_000), CloseCode.messageTooBig],
  ]

  for (const [name, frame, code] of badFrames) {
    it(`closes the connection for ${name} and leaves the room and others untouched`, async () => {
      server = await startTestServer({ MAX_MESSAGE_BYTES: '65536' })
      const board = await server.createBoard()
      const other = await server.createBoard()
      const alice = connectProvider(board.sync)
      const elsewhere = connectProvider(other.sync)
      await Promise.all([whenSynced(alice.provider), whenSynced(elsewhere.provider)])
      const before = Y.encodeStateAsUpdate(server.rooms.get(board.id)!.doc)
      const rowsBefore = storedRowCount(server.dataDir)

      const attacker = await rawSocket(`${board.sync.serverUrl}/${board.sync.room}`)
      attacker.socket.send(frame())
      expect((await attacker.closed).code).toBe(code)

      expect(Y.encodeStateAsUpdate(server.rooms.get(board.id)!.doc)).toEqual(before)
      expect(storedRowCount(server.dataDir)).toBe(rowsBefore)
      putNote(alice.doc, 'shape:after', 'ok')
      putNote(elsewhere.doc, 'shape:elsewhere', 'ok')
      await waitFor(() => server!.rooms.get(board.id)!.doc.getMap('records').has('shape:after'))
      await waitFor(() => server!.rooms.get(other.id)!.doc.getMap('records').has('shape:elsewhere'))
      alice.provider.destroy()
      elsewhere.provider.destroy()
    })
  }

  it('fails to load a room with a corrupt stored row, with a clear close code, while others load', async () => {
    server = await startTestServer()
    const broken = await server.createBoard()
    const healthy = await server.createBoard()
    const db = new Database(path.join(server.dataDir, 'samskapa.db'))
    db.prepare('UPDATE updates SET data = ? WHERE board_id = ?').run(
      Buffer.from([1, 2, 3, 250, 250, 250, 250]),
      broken.id,
    )
    db.close()

    const attempt = await rawSocket(`${broken.sync.serverUrl}/${broken.sync.room}`)
    expect((await attempt.closed).code).toBe(CloseCode.roomLoadFailed)
    const bob = connectProvider(healthy.sync)
    await whenSynced(bob.provider)
    expect(bob.doc.getMap('records').size).toBeGreaterThan(0)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    bob.provider.destroy()
  })

  it('never serves files outside the client folder', async () => {
    server = await startTestServer()
    for (const probe of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2f..%2fpackage.json',
    ]) {
      const response = await fetch(`${server.url}${probe}`)
      const body = await response.text()
      expect(body).not.toContain('"name": "samskapa"')
    }
  })
})
