import { afterEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { recordsMap, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import { CloseCode } from '../../shared/closeCodes'
import { startTestServer, tokenQuery, type TestServer } from '../support/testServer'
import { fillBoard } from '../support/fillBoard'
import {
  connectProvider,
  firstCloseCode,
  rawSocket,
  syncUrl,
  waitFor,
  whenSynced,
} from '../support/syncClients'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

function notes(count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) =>
    noteShape(
      { id: `shape:${prefix}${i}`, x: i * 10, y: 0, index: 'a1' },
      { text: `n ${i}`, color: 'yellow' },
    ),
  )
}

async function recordCount(sync: Parameters<typeof connectProvider>[0]) {
  const reader = connectProvider(sync)
  await whenSynced(reader.provider)
  const count = recordsMap(reader.doc).size
  reader.provider.destroy()
  return count
}

describe('board limits', () => {
  it('closes a connection whose update takes a board past its record limit', async () => {
    server = await startTestServer({ MAX_RECORDS_PER_BOARD: '150' })
    const board = await server.createBoard({ template: 'blank' })
    const before = await recordCount(board.sync)
    const alice = connectProvider(board.sync)
    await whenSynced(alice.provider)
    const closed = firstCloseCode(alice.provider)
    alice.doc.transact(() => writeRecords(alice.doc, notes(200, 'a')))
    expect(await closed).toBe(CloseCode.docTooLarge)
    alice.provider.destroy()
    expect(await recordCount(board.sync)).toBe(before)
  })

  it('answers an import onto a full board with 413 board_full, and imports nothing', async () => {
    server = await startTestServer({ MAX_RECORDS_PER_BOARD: '100' })
    const board = await server.createBoard({ template: 'blank' })
    await fillBoard(board.sync, 100 - (await recordCount(board.sync)) - 1)
    const response = await fetch(
      `${server.url}/api/boards/${board.id}/import${tokenQuery(board.id)}`,
      { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '+ Faktor 1' },
    )
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({
      error: 'board_full',
      message: 'the board would exceed 100 records',
    })
    expect(await recordCount(board.sync)).toBe(99)
  })

  it('opens a board stored past a lower limit: it may shrink and change, not grow', async () => {
    server = await startTestServer({ MAX_RECORDS_PER_BOARD: '200' })
    const board = await server.createBoard({ template: 'blank' })
    await fillBoard(board.sync, 150)
    const stored = await recordCount(board.sync)
    const dataDir = server.dataDir
    await server.stop()
    const oldHost = new URL(server.url).host
    server = await startTestServer({ MAX_RECORDS_PER_BOARD: '100' }, dataDir)
    // The restarted server listens on another port.
    const sync = {
      ...board.sync,
      serverUrl: board.sync.serverUrl.replace(oldHost, new URL(server.url).host),
    }

    const alice = connectProvider(sync)
    await whenSynced(alice.provider)
    expect(recordsMap(alice.doc).size).toBe(stored)
    let closedWith: number | undefined
    alice.provider.on('connection-close', (event) => (closedWith ??= event?.code ?? 0))
    alice.doc.transact(() => recordsMap(alice.doc).delete('shape:fill0'))
    await waitFor(async () => (await recordCount(sync)) === stored - 1)
    expect(closedWith).toBeUndefined()

    alice.doc.transact(() => writeRecords(alice.doc, notes(1, 'late')))
    await waitFor(() => closedWith !== undefined)
    expect(closedWith).toBe(CloseCode.docTooLarge)
    alice.provider.destroy()
    expect(await recordCount(sync)).toBe(stored - 1)
  })

  it('counts imports against the size limit of a board', async () => {
    server = await startTestServer({ MAX_DOC_BYTES: String(64 * 1024) })
    const board = await server.createBoard({ template: 'blank' })
    const list = Array.from({ length: 500 }, (_, i) => `+ Faktor ${i}`).join('\n')
    const response = await fetch(
      `${server.url}/api/boards/${board.id}/import${tokenQuery(board.id)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: list,
      },
    )
    expect(response.status).toBe(413)
    expect(await recordCount(board.sync)).toBeLessThan(10)
  })

  it('counts applied templates against the record limit of a board', async () => {
    server = await startTestServer({ MAX_RECORDS_PER_BOARD: '100' })
    const board = await server.createBoard({ template: 'blank' })
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) {
      const response = await fetch(
        `${server.url}/api/boards/${board.id}/apply-template${tokenQuery(board.id)}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ template: 'key-areas' }),
        },
      )
      statuses.push(response.status)
    }
    expect(statuses).toContain(413)
    expect(await recordCount(board.sync)).toBeLessThanOrEqual(100)
  })

  it('counts presence announced as gone (null) against the clients a connection may speak for', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const viewerUrl = syncUrl(board.sync)
    const socket = await rawSocket(viewerUrl)
    for (let id = 1000; id < 1100; id++) {
      const update = encoding.createEncoder()
      encoding.writeVarUint(update, 1)
      encoding.writeVarUint(update, id)
      encoding.writeVarUint(update, 1)
      encoding.writeVarString(update, 'null')
      const message = encoding.createEncoder()
      encoding.writeVarUint(message, 1)
      encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
      socket.socket.send(encoding.toUint8Array(message))
    }
    expect((await socket.closed).code).toBe(CloseCode.protocolViolation)
    const room = server.rooms.get(board.id)
    await waitFor(() => !room || room.awareness.meta.size < 10)
  })
})
