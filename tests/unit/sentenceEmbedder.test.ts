import dns from 'node:dns'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ModelDirectoryError } from '../../server/similarity/modelDirectory'
import { ModelSimilarity } from '../../server/similarity/ModelSimilarity'
import { SentenceEmbedder } from '../../server/similarity/SentenceEmbedder'
import { embeddingSimilarity, mergeSimilarFactors, suggestClusters } from '../../shared/similarity'
import { writeTinyEmbeddingModel } from '../support/tinyEmbeddingModel'

const CONCEPTS = [
  ['kurser', 'lära', 'utbildning'],
  ['integration', 'prata'],
]
let dir: string
const outgoing: string[] = []

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-embedder-'))
  writeTinyEmbeddingModel(dir, CONCEPTS)
  // Every way out of the machine records itself: nothing may be looked up or connected to.
  const record = (what: string) => () => {
    outgoing.push(what)
    throw new Error(`no network: ${what}`)
  }
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(record('socket'))
  vi.spyOn(dns, 'lookup').mockImplementation(record('dns'))
  vi.spyOn(http, 'request').mockImplementation(record('http'))
  vi.spyOn(https, 'request').mockImplementation(record('https'))
  vi.spyOn(globalThis, 'fetch').mockImplementation(record('fetch'))
})

afterEach(() => {
  vi.restoreAllMocks()
  fs.rmSync(dir, { recursive: true, force: true })
  expect(outgoing.splice(0)).toEqual([])
})

describe('SentenceEmbedder', () => {
  it('mean-pools unit vectors that put notes of one idea close and others apart', async () => {
    const embedder = await SentenceEmbedder.load(dir)
    const [courses, learning, systems] = await embedder.embed([
      'Personalen hinner inte gå på kurser',
      'Ingen tid avsatt för att lära sig',
      'Systemen kan inte prata med varandra',
    ])
    for (const vector of [courses!, learning!, systems!]) {
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5)
    }
    expect(embeddingSimilarity(courses!, learning!)).toBeGreaterThan(0.9)
    expect(embeddingSimilarity(courses!, systems!)).toBeLessThan(0.3)
    await embedder.release()
  })

  it('gives a text the same vector alone or in a padded batch', async () => {
    const embedder = await SentenceEmbedder.load(dir)
    const [alone] = await embedder.embed(['kurser'])
    const fresh = await SentenceEmbedder.load(dir)
    const batch = await fresh.embed(['kurser', 'en mycket längre lapp om att lära sig nya system'])
    expect([...batch[0]!]).toEqual([...alone!])
    await Promise.all([embedder.release(), fresh.release()])
  })

  it('cuts a text longer than the model takes instead of failing', async () => {
    const embedder = await SentenceEmbedder.load(dir)
    const [vector] = await embedder.embed(['kurser '.repeat(500)])
    expect(Math.hypot(...vector!)).toBeCloseTo(1, 5)
    await embedder.release()
  })

  it('says what is wrong with a directory it cannot use', async () => {
    await expect(SentenceEmbedder.load(path.join(dir, 'nowhere'))).rejects.toThrow(
      /is not a directory/,
    )
    fs.writeFileSync(path.join(dir, 'tokenizer.json'), '{ broken')
    await expect(SentenceEmbedder.load(dir)).rejects.toThrow(/tokenizer.json is not valid JSON/)
    fs.rmSync(path.join(dir, 'onnx'), { recursive: true })
    await expect(SentenceEmbedder.load(dir)).rejects.toBeInstanceOf(ModelDirectoryError)
  })
})

describe('similarity with a model', () => {
  const factors = [
    { groupId: 'a', factorId: '1', text: 'Personalen hinner inte gå på kurser' },
    { groupId: 'b', factorId: '1', text: 'Ingen utbildning i nya verktyg' },
    { groupId: 'c', factorId: '1', text: 'Bristande integration mellan verksamhetssystemen' },
  ]

  it('merges by the model’s cosine and keeps words for the shared idea', async () => {
    const model = new ModelSimilarity({ dir, mergeThreshold: 0.7, clusterThreshold: 0.5 })
    const { embeddings, problem } = await model.embeddingsFor(factors.map((f) => f.text))
    expect(problem).toBeUndefined()
    const entries = mergeSimilarFactors(factors, { embeddings, modelThreshold: 0.7 })
    expect(entries.map((entry) => entry.wordings.map((w) => w.groupId))).toEqual([
      ['a', 'b'],
      ['c'],
    ])
    expect(entries[0]!.why!.confidence).toBeGreaterThan(0.9)
    const clusters = suggestClusters(
      factors.map((f) => ({ id: f.groupId, text: f.text })),
      { embeddings, modelThreshold: 0.5 },
    )
    expect(clusters.map((cluster) => cluster.noteIds)).toEqual([['a', 'b'], ['c']])
  })

  it('uses the built-in method for texts the model has no vector for', () => {
    const embeddings = { vectorOf: () => undefined }
    expect(mergeSimilarFactors(factors, { embeddings })).toEqual(mergeSimilarFactors(factors))
  })

  it('reports a model it cannot load once, then stays with the built-in method', async () => {
    fs.writeFileSync(path.join(dir, 'onnx', 'model.onnx'), 'not a model')
    const model = new ModelSimilarity({ dir, mergeThreshold: 0.7, clusterThreshold: 0.5 })
    expect(await model.load()).toMatch(/cannot be loaded/)
    expect(await model.embeddingsFor(['kurser'])).toEqual({})
  })
})
