import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ms, table } from '../format'
import { slowestHealthAnswer } from '../../support/health'
import { writeTinyEmbeddingModel } from '../../support/tinyEmbeddingModel'
import { loadFixture, loadHeldOut } from '../quality/fixture'
import { startOurServer } from '../servers/serverProcess'

/** One request that runs the model on the server, with /healthz asked all along. */
export interface ModelHealthRow {
  request: string
  notes: number
  /** The first request also starts the worker thread and loads the model. */
  coldMs: number
  /** The same after the board changed: new notes embedded on the warm worker. */
  warmMs: number
  slowestHealthMs: number
}

/**
 * A stand-in with a real model's cost when none is configured: 12 dense 768 × 768 layers per
 * token (about a third of multilingual MiniLM-L12's multiply-adds), random weights, so the
 * numbers say what running a model does to the event loop, not how well it merges.
 */
function standInModel(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-bench-model-'))
  const words = [...loadFixture().notes, ...loadHeldOut().notes]
    .flatMap((note) => note.text.toLocaleLowerCase('sv').split(/[^\p{L}]+/u))
    .filter(Boolean)
  writeTinyEmbeddingModel(dir, [[...new Set(words)]], { compute: { width: 768, layers: 12 } })
  return dir
}

function texts(count: number, salt: number): string[] {
  const pool = [...loadFixture().notes, ...loadHeldOut().notes].map((note) => note.text)
  return Array.from({ length: count }, (_, i) => `${pool[(i * 7 + salt) % pool.length]!} (${i})`)
}

/**
 * Runs Föreslå kluster (POST /api/boards/:id/cluster-suggestions) on a board of n unsorted
 * notes and the plenary's synthesis of 4 groups × n/4 factors with the model configured
 * (SIMILARITY_MODEL_DIR, else the stand-in), asking /healthz every 20 ms meanwhile.
 */
export async function runModelHealth(
  sizes: readonly number[],
  log: (line: string) => void,
): Promise<ModelHealthRow[]> {
  const modelDir = process.env.SIMILARITY_MODEL_DIR ?? standInModel()
  log(
    `  model: ${process.env.SIMILARITY_MODEL_DIR ? modelDir : 'stand-in (12 × 768 dense layers)'}`,
  )
  const rows: ModelHealthRow[] = []
  for (const size of sizes) {
    const server = await startOurServer({
      env: { SIMILARITY_MODEL_DIR: modelDir, GATHER_TIMEOUT_MS: '600000' },
    })
    try {
      const url = server.baseUrl
      const workshop = (await (
        await fetch(`${url}/api/workshops`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Modell', groups: 4 }),
        })
      ).json()) as { id: string; links: { facilitator: string }; boards: { id: string }[] }
      const token = new URL(workshop.links.facilitator).searchParams.get('token')!
      const importNotes = async (boardId: string, notes: string[], cluster: string) => {
        const rows = notes.map((text) => `"${text}",hindering,${cluster}`)
        const response = await fetch(`${url}/api/boards/${boardId}/import?token=${token}`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: ['text,polarity,cluster', ...rows].join('\n'),
        })
        if (response.status !== 200) throw new Error(`import answered ${response.status}`)
      }
      const timedRequest = async (path: string, method: string) => {
        const started = performance.now()
        const request = fetch(`${url}${path}?token=${token}`, { method })
        const slowest = await slowestHealthAnswer(url, request)
        const response = await request
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
        await response.arrayBuffer()
        return { ms: performance.now() - started, slowest }
      }
      const measure = async (request: string, path: string, method: string, boardId: string) => {
        const cold = await timedRequest(path, method)
        await importNotes(boardId, texts(10, size + 1), request === 'synthesis' ? 'Ledarskap' : '')
        const warm = await timedRequest(path, method)
        rows.push({
          request,
          notes: size,
          coldMs: cold.ms,
          warmMs: warm.ms,
          slowestHealthMs: Math.max(cold.slowest, warm.slowest),
        })
      }
      // The control: how slow /healthz is on this machine right now with nothing running.
      const idle = slowestHealthAnswer(url, new Promise((resolve) => setTimeout(resolve, 5000)))
      rows.push({
        request: 'idle (control, 5 s)',
        notes: 0,
        coldMs: 0,
        warmMs: 0,
        slowestHealthMs: await idle,
      })
      const board = workshop.boards[0]!.id
      await importNotes(board, texts(size, 0), '')
      await measure(
        'Föreslå kluster (POST /cluster-suggestions)',
        `/api/boards/${board}/cluster-suggestions`,
        'POST',
        board,
      )
      for (const [g, group] of workshop.boards.slice(0, 4).entries()) {
        await importNotes(group.id, texts(size / 4, g * 13), 'Ledarskap')
      }
      await measure(
        'synthesis (GET /synthesis)',
        `/api/workshops/${workshop.id}/synthesis`,
        'GET',
        board,
      )
    } finally {
      await server.stop()
    }
  }
  if (!process.env.SIMILARITY_MODEL_DIR) fs.rmSync(modelDir, { recursive: true, force: true })
  return rows
}

/** The rows as a table for the bench log. */
export function modelHealthReport(rows: readonly ModelHealthRow[]): string {
  return table(
    ['request', 'notes', 'cold ms (loads model)', 'warm ms', 'slowest /healthz ms'],
    rows.map((row) => [
      row.request,
      row.notes,
      ms(row.coldMs),
      ms(row.warmMs),
      ms(row.slowestHealthMs),
    ]),
  )
}
