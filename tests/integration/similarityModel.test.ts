import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeRecords } from '../../shared/board/boardDoc'
import { frameShape, noteShape } from '../../shared/board/shapeRecords'
import type { ClusterSuggestions } from '../../shared/similarityContracts'
import type { CreatedWorkshop, Synthesis } from '../../shared/workshopContracts'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { logCapture, startTestServer, type TestServer } from '../support/testServer'
import { writeTinyEmbeddingModel } from '../support/tinyEmbeddingModel'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

/** Same idea, other words, no content word shared: the built-in method cannot see it. */
const GROUP_NOTES = [
  ['Rapporterna blir hyllvärmare', 'Varje förvaltning uppfinner hjulet'],
  ['Ingen uppföljning av resultaten', 'Enheterna köper egna lösningar'],
]
/** What the tiny model knows: each list's words mean the same. */
const CONCEPTS = [
  ['hyllvärmare', 'uppföljning'],
  ['hjulet', 'lösningar'],
]

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-model-'))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function workshopWithNotes(options: { sorted: boolean } = { sorted: true }) {
  const workshop = await createWorkshop(server!.url, { title: 'W', groups: 2, template: 'blank' })
  for (const [i, notes] of GROUP_NOTES.entries()) {
    const group = connectProvider(workshop.boards[i]!.sync)
    cleanups.push(() => group.provider.destroy())
    await whenSynced(group.provider)
    writeRecords(group.doc, [
      frameShape(
        { id: 'shape:c', x: 0, y: 0, index: 'a1', meta: { kind: 'cluster' } },
        { w: 600, h: 600, name: 'Styrning', color: 'black' },
      ),
      ...notes.map((text, n) =>
        noteShape(
          {
            id: `shape:n${n}`,
            x: options.sorted ? 10 : 900,
            y: 40 + 220 * n,
            index: `a${n + 2}`,
            ...(options.sorted ? { parentId: 'shape:c' as const } : {}),
            meta: { polarity: 'hindering', createdAt: 1 },
          },
          { text, color: 'yellow' },
        ),
      ),
    ])
    await waitFor(() => server!.storage.lastActivity(workshop.boards[i]!.id) !== null)
  }
  await waitFor(() => !workshop.boards.some((board) => server!.rooms.get(board.id)?.hasPending))
  return workshop
}

/** One group board holding all four notes unsorted, and a participant of that group. */
async function boardWithUnsortedNotes() {
  const workshop = await createWorkshop(server!.url, { title: 'W', groups: 1, template: 'blank' })
  const board = workshop.boards[0]!
  const group = connectProvider(board.sync)
  cleanups.push(() => group.provider.destroy())
  await whenSynced(group.provider)
  writeRecords(
    group.doc,
    GROUP_NOTES.flat().map((text, n) =>
      noteShape(
        {
          id: `shape:u${n}`,
          x: 220 * n,
          y: 0,
          index: `a${n + 1}`,
          meta: { polarity: 'hindering', createdAt: 1 },
        },
        { text, color: 'yellow' },
      ),
    ),
  )
  await waitFor(() => server!.storage.lastActivity(board.id) !== null)
  const { params } = await joinGroup(server!.url, workshop, 0)
  return { workshop, board, participant: params }
}

function suggest(boardId: string, query: Record<string, string>) {
  return call(server!.url, 'POST', `/api/boards/${boardId}/cluster-suggestions`, query)
}

async function entryTexts(workshop: CreatedWorkshop): Promise<string[][]> {
  const facilitator = { token: tokenOf(workshop.links.facilitator) }
  const response = await call(
    server!.url,
    'GET',
    `/api/workshops/${workshop.id}/synthesis`,
    facilitator,
  )
  expect(response.status).toBe(200)
  const synthesis = (await response.json()) as Synthesis
  return synthesis.keyAreas
    .flatMap((area) => area.hindering)
    .map((entry) => entry.wordings.map((w) => w.text).sort())
    .sort()
}

const MERGED_BY_MODEL = [
  ['Enheterna köper egna lösningar', 'Varje förvaltning uppfinner hjulet'],
  ['Ingen uppföljning av resultaten', 'Rapporterna blir hyllvärmare'],
]

describe('a municipality-provided similarity model (SIMILARITY_MODEL_DIR)', () => {
  it('merges factors the model finds alike that share no word', async () => {
    const modelDir = tempDir()
    writeTinyEmbeddingModel(modelDir, CONCEPTS)
    server = await startTestServer({ SIMILARITY_MODEL_DIR: modelDir })
    expect(await entryTexts(await workshopWithNotes())).toEqual(MERGED_BY_MODEL)
  })

  it('keeps them apart with the built-in method when no model is set', async () => {
    server = await startTestServer()
    expect(await entryTexts(await workshopWithNotes())).toEqual(
      GROUP_NOTES.flat()
        .map((text) => [text])
        .sort(),
    )
  })

  it('reads a flat model.onnx as well as onnx/model.onnx', async () => {
    const modelDir = tempDir()
    writeTinyEmbeddingModel(modelDir, CONCEPTS, { layout: 'flat' })
    server = await startTestServer({ SIMILARITY_MODEL_DIR: modelDir })
    expect(await entryTexts(await workshopWithNotes())).toEqual(MERGED_BY_MODEL)
  })

  it('suggests clusters with the model for a participant, on the server', async () => {
    const modelDir = tempDir()
    writeTinyEmbeddingModel(modelDir, CONCEPTS)
    server = await startTestServer({ SIMILARITY_MODEL_DIR: modelDir })
    const { board, participant } = await boardWithUnsortedNotes()
    const response = await suggest(board.id, participant)
    expect(response.status).toBe(200)
    const suggestions = (await response.json()) as ClusterSuggestions
    expect(suggestions.method).toBe('model')
    expect(suggestions.clusters.map((cluster) => cluster.noteIds)).toEqual([
      ['shape:u0', 'shape:u2'],
      ['shape:u1', 'shape:u3'],
    ])
  })

  it('keeps cluster suggestions from a viewer and from callers without a token', async () => {
    const modelDir = tempDir()
    writeTinyEmbeddingModel(modelDir, CONCEPTS)
    server = await startTestServer({ SIMILARITY_MODEL_DIR: modelDir })
    const { workshop, board } = await boardWithUnsortedNotes()
    expect((await suggest(board.id, { token: tokenOf(workshop.links.viewer) })).status).toBe(403)
    expect((await suggest(board.id, {})).status).toBe(401)
    expect((await suggest('nope', { token: tokenOf(workshop.links.facilitator) })).status).toBe(400)
  })

  it('limits how often one address asks for cluster suggestions', async () => {
    const modelDir = tempDir()
    writeTinyEmbeddingModel(modelDir, CONCEPTS)
    server = await startTestServer({ SIMILARITY_MODEL_DIR: modelDir })
    const { board, participant } = await boardWithUnsortedNotes()
    const statuses: number[] = []
    for (let i = 0; i < 61; i++) statuses.push((await suggest(board.id, participant)).status)
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true)
    expect(statuses[60]).toBe(429)
  })

  it('answers 409 without a model, so the browser suggests by itself', async () => {
    server = await startTestServer()
    const { board, participant } = await boardWithUnsortedNotes()
    const response = await suggest(board.id, participant)
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ error: 'no_similarity_model' })
  })

  for (const [problem, breakIt, expected] of [
    ['missing', (dir: string) => fs.rmSync(dir, { recursive: true }), 'is not a directory'],
    [
      'corrupt',
      (dir: string) => fs.writeFileSync(path.join(dir, 'onnx', 'model.onnx'), 'not a model'),
      'cannot be loaded',
    ],
    [
      'tokenizer-less',
      (dir: string) => fs.rmSync(path.join(dir, 'tokenizer.json')),
      'has no tokenizer.json',
    ],
  ] as const) {
    it(`logs a ${problem} model directory once and falls back to the built-in method`, async () => {
      const modelDir = tempDir()
      writeTinyEmbeddingModel(modelDir, CONCEPTS)
      breakIt(modelDir)
      const log = logCapture()
      server = await startTestServer(
        { SIMILARITY_MODEL_DIR: modelDir, LOG_LEVEL: 'info' },
        undefined,
        log.destination,
      )
      const workshop = await workshopWithNotes()
      expect(await entryTexts(workshop)).toHaveLength(4)
      const warnings = () =>
        log.lines
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .filter((line) => line.reason === 'similarity-model-unusable')
      await waitFor(() => warnings().length > 0)
      expect(warnings()).toHaveLength(1)
      expect(warnings()[0]).toMatchObject({ level: 40, modelDir })
      expect(String(warnings()[0]!.problem)).toContain(expected)
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    })
  }
})
