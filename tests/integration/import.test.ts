import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords } from '../../shared/board/boardDoc'
import { computeOutcome, type Outcome } from '../../shared/factors'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer, tokenQuery } from '../support/testServer'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.stop()
})

function post(boardId: string, body: BodyInit, contentType: string, language = 'sv') {
  return fetch(`${server.url}/api/boards/${boardId}/import${tokenQuery(boardId)}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, 'Accept-Language': language },
    body,
  })
}

async function outcome(boardId: string): Promise<Outcome> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/outcome${tokenQuery(boardId)}`)
  expect(response.status).toBe(200)
  return (await response.json()) as Outcome
}

describe('importing factors', () => {
  it('imports a pasted list into the unsorted area and shows it to a connected client', async () => {
    const board = await server.createBoard({ template: 'hindering-enabling' })
    const { doc, provider } = connectProvider(board.sync)
    await whenSynced(provider)
    const list = '+ Engagerade medarbetare\n- Otydligt mandat\n\nGamla system\n'
    const response = await post(board.id, list, 'text/plain; charset=utf-8')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ imported: 3 })

    const result = await outcome(board.id)
    expect(result.unsorted.map((f) => [f.text, f.polarity])).toEqual([
      ['Engagerade medarbetare', 'enabling'],
      ['Otydligt mandat', 'hindering'],
      ['Gamla system', 'undecided'],
    ])
    await waitFor(() => computeOutcome(readRecords(doc)).unsorted.length === 3)
    provider.destroy()
    doc.destroy()
  })

  it('imports a CSV file, creating the clusters it names', async () => {
    const board = await server.createBoard({ template: 'blank' })
    const csv =
      'text;polaritet;kluster\nTid för kompetens;främjande;Kompetens\nBrist på tid;hämmande;Kompetens\nLösa idéer;;\n'
    const response = await post(board.id, csv, 'text/csv')
    expect(await response.json()).toEqual({ imported: 3 })
    const result = await outcome(board.id)
    expect(result.clusters).toHaveLength(1)
    expect(result.clusters[0]!.name).toBe('Kompetens')
    expect(result.clusters[0]!.enabling.map((f) => f.text)).toEqual(['Tid för kompetens'])
    expect(result.clusters[0]!.hindering.map((f) => f.text)).toEqual(['Brist på tid'])
    expect(result.unsorted.map((f) => f.text)).toEqual(['Lösa idéer'])
  })

  it('refuses a CSV with a bad line, naming it, and imports nothing', async () => {
    const board = await server.createBoard({ template: 'hindering-enabling' })
    await post(board.id, '+ Redan här', 'text/plain')
    const before = await outcome(board.id)
    const csv = 'text,polarity\nBra,enabling\nDålig,kanske\nSen,hindering\n'
    const response = await post(board.id, csv, 'text/csv', 'sv')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: string; message: string; line: number }
    expect(body.line).toBe(3)
    expect(body.error).toBe('unknown-polarity')
    expect(body.message).toMatch(/^Rad 3: okänd polaritet "kanske"/)
    expect(await outcome(board.id)).toEqual(before)
  })

  it('reads a CSV saved by Swedish Excel (Windows-1252), as UTF-16 and as UTF-8 with BOM', async () => {
    const csv =
      'faktor;polaritet;kluster\r\nTidsbrist hos chefer;hämmande;Ledarskap\r\nÖppen dialog;främjande;Kultur\r\n'
    const encodings: [string, Buffer][] = [
      ['windows-1252', Buffer.from(csv, 'latin1')],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])],
      ['utf-16le without BOM', Buffer.from(csv, 'utf16le')],
      ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])],
    ]
    for (const [encoding, bytes] of encodings) {
      const board = await server.createBoard({ template: 'blank' })
      const response = await post(board.id, new Uint8Array(bytes), 'text/csv')
      expect(response.status, encoding).toBe(200)
      const result = await outcome(board.id)
      expect(
        result.clusters.map((c) => [
          c.name,
          c.hindering.map((f) => f.text),
          c.enabling.map((f) => f.text),
        ]),
        encoding,
      ).toEqual([
        ['Ledarskap', ['Tidsbrist hos chefer'], []],
        ['Kultur', [], ['Öppen dialog']],
      ])
    }
  })

  it('names the encoding problem of bytes that are no text it knows, with the line', async () => {
    const board = await server.createBoard({ template: 'blank' })
    const bytes = Buffer.concat([
      Buffer.from('faktor\nBra\nTrasig '),
      Buffer.from([0x81, 0x8d]),
      Buffer.from('\n'),
    ])
    const response = await post(board.id, bytes, 'text/csv', 'sv')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: string; message: string; line: number }
    expect(body).toMatchObject({ error: 'unknown-encoding', line: 3 })
    expect(body.message).toMatch(/^Rad 3: filens teckenkodning känns inte igen/)
    expect((await outcome(board.id)).unsorted).toEqual([])
  })

  it('answers 415 for another media type, 413 for an oversized body, 404 and 400 for bad ids', async () => {
    const board = await server.createBoard({ template: 'blank' })
    expect((await post(board.id, '{}', 'application/json')).status).toBe(415)
    expect((await post(board.id, 'x'.repeat(1024 * 1024 + 1), 'text/plain')).status).toBe(413)
    expect((await post('unknownboard1', 'a', 'text/plain')).status).toBe(404)
    expect((await post('..%2Fetc', 'a', 'text/plain')).status).toBe(400)
    expect((await outcome(board.id)).unsorted).toEqual([])
  })

  it('lands imported notes in the doc a later client loads from storage', async () => {
    const board = await server.createBoard({ template: 'key-areas' })
    await post(board.id, 'text,kluster\nA,Ledarskap\nB,Samverkan\n', 'text/csv')
    await new Promise((resolve) => setTimeout(resolve, 400))
    const { doc, provider } = connectProvider(board.sync, new Y.Doc())
    await whenSynced(provider)
    const clusters = computeOutcome(readRecords(doc)).clusters
    const names = clusters.filter((c) => c.undecided.length > 0).map((c) => c.name)
    expect(names).toEqual(['Ledarskap', 'Samverkan'])
    provider.destroy()
  })
})
