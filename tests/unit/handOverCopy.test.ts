import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { handOverCopy } from '../../client/board/handOverCopy'
import { putNote } from '../support/syncClients'

afterEach(() => vi.unstubAllGlobals())

function answering(status: number, body: unknown = {}) {
  const fetch = vi.fn((_path: string, _init?: RequestInit) =>
    Promise.resolve(Response.json(body, { status })),
  )
  vi.stubGlobal('fetch', fetch)
  return fetch
}

function copy() {
  const doc = new Y.Doc()
  putNote(doc, 'shape:offline', 'Skriven utan nät')
  return doc
}

describe('handing a copy of an earlier epoch in', () => {
  it('keeps the copy for later when the server is busy or limits rescues (429, 503), as for 423', async () => {
    for (const status of [423, 429, 503]) {
      answering(status, { error: 'too_many_rescues' })
      expect(await handOverCopy(copy(), 'board', { token: 't' })).toEqual({ kind: 'later' })
    }
  })

  it('drops the copy when the server cannot take it (410), and counts what it took (200)', async () => {
    answering(410)
    expect(await handOverCopy(copy(), 'board', {})).toEqual({ kind: 'dropped', status: 410 })
    const fetch = answering(200, { rescued: 1 })
    expect(await handOverCopy(copy(), 'board', { token: 't' })).toEqual({
      kind: 'rescued',
      records: 1,
    })
    expect(fetch.mock.calls[0]![0]).toMatch(/^\/api\/boards\/board\/rescue\?.*epoch=0/)
  })
})
