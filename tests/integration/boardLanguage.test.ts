import { afterEach, describe, expect, it } from 'vitest'
import { readRecords } from '../../shared/board/boardDoc'
import type { CreatedBoard, CreatedWorkshop } from '../../shared/workshopContracts'
import { loadStoredDoc } from '../support/storedBoard'
import { startTestServer, type TestServer } from '../support/testServer'

let server: TestServer | undefined

afterEach(async () => {
  await server?.stop()
  server = undefined
})

async function post<T>(path: string, body: object, acceptLanguage?: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  // Node's fetch sends "Accept-Language: *" unless told otherwise, like a bare API client.
  if (acceptLanguage !== undefined) headers['Accept-Language'] = acceptLanguage
  const response = await fetch(`${server!.url}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as T
}

function areaLabels(boardId: string): string[] {
  const doc = loadStoredDoc(server!.dataDir, boardId)
  return readRecords(doc)
    .filter((record) => record.type === 'geo')
    .map((record) => JSON.stringify((record.props as { richText?: unknown }).richText))
}

describe('the language of a board made through the API', () => {
  it('is Swedish when neither the body nor Accept-Language names one', async () => {
    server = await startTestServer()
    const board = await post<CreatedBoard>('/api/boards', {})
    expect(board.title).toBe('Namnlös tavla')
    expect(areaLabels(board.id).join()).toContain('Hämmande faktorer')
    const bare = await post<CreatedBoard>('/api/boards', {}, 'de-DE, fr;q=0.8')
    expect(bare.title).toBe('Namnlös tavla')
  })

  it("follows Accept-Language's ranking, q-values included", async () => {
    server = await startTestServer()
    const english = await post<CreatedBoard>('/api/boards', {}, 'de;q=0.9, en-GB;q=0.8, sv;q=0.1')
    expect(english.title).toBe('Untitled board')
    expect(areaLabels(english.id).join()).toContain('Hindering factors')
    const swedish = await post<CreatedBoard>('/api/boards', {}, 'en;q=0.5, sv-SE')
    expect(swedish.title).toBe('Namnlös tavla')
  })

  it('takes the body language over Accept-Language', async () => {
    server = await startTestServer()
    const board = await post<CreatedBoard>('/api/boards', { language: 'en' }, 'sv')
    expect(board.title).toBe('Untitled board')
  })

  it('names a workshop’s groups in the same language', async () => {
    server = await startTestServer()
    const workshop = await post<CreatedWorkshop>('/api/workshops', { title: 'W', groups: 1 })
    expect(workshop.boards.map((b) => b.name)).toEqual(['Grupp 1', 'Plenum', 'Dokumentation'])
  })
})
