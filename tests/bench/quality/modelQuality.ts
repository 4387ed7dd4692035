import {
  DEFAULT_MODEL_CLUSTER_THRESHOLD,
  DEFAULT_MODEL_MERGE_THRESHOLD,
  embeddingsOf,
  mergeSimilarFactors,
  type TextEmbeddings,
} from '../../../shared/similarity'
import { SentenceEmbedder } from '../../../server/similarity/SentenceEmbedder'
import { scoreClustering } from './clusterQuality'
import { isMainModule, loadFixture, loadHeldOut, loadSecondDev, type FixtureNote } from './fixture'
import { sumPairScores } from './pairScores'
import { printTable } from './printTable'
import { scoreMethod, type Method } from './synthesisQuality'

/** The municipality's model (SIMILARITY_MODEL_DIR) scored on each set of notes. */
export interface ModelQuality {
  synthesis: { notes: string; method: string; precision: number; recall: number; f1: number }[]
  cluster: {
    notes: string
    method: string
    clusters: number
    ariKeyArea: number
    ariIdea: number
  }[]
}

/** Thresholds tried when choosing one on the dev notes: cosines from 0.30 to 0.98. */
const SWEEP = Array.from({ length: 69 }, (_, i) => Math.round((0.3 + i * 0.01) * 100) / 100)

const mergeWithModel =
  (embeddings: TextEmbeddings, modelThreshold: number): Method =>
  (notes) =>
    mergeSimilarFactors(
      notes.map((note) => ({ groupId: note.group, factorId: note.id, text: note.text })),
      { embeddings, modelThreshold },
    ).map((entry) => entry.wordings.map((wording) => wording.factorId))

/**
 * Scores the model a municipality configured, in the same way as the built-in method: the
 * merge threshold is chosen on the dev notes (fixture + set B: best pooled F1 with precision
 * ≥ 0.8, else best F1) and only then set C is scored with it; the configured threshold
 * (SIMILARITY_MODEL_THRESHOLD, else the default) is scored beside it. Without a model: undefined.
 */
export async function measureModelQuality(
  log: (line: string) => void,
): Promise<ModelQuality | undefined> {
  const dir = process.env.SIMILARITY_MODEL_DIR
  if (!dir) {
    log('\nSimilarity model: no model configured (set SIMILARITY_MODEL_DIR; docs/similarity.md)')
    return undefined
  }
  const held = loadHeldOut().notes
  const dev: [string, FixtureNote[]][] = [
    ['dev: set B', loadSecondDev().notes],
    ['dev: team fixture', loadFixture().notes],
  ]
  const texts = [...held, ...dev.flatMap(([, notes]) => notes)].map((note) => note.text)
  const embedder = await SentenceEmbedder.load(dir)
  const started = performance.now()
  const embeddings = embeddingsOf(texts, await embedder.embed(texts))
  const msPerNote = (performance.now() - started) / new Set(texts).size
  await embedder.release()
  log(`\nSimilarity model ${dir}: ${msPerNote.toFixed(1)} ms a note to embed`)

  const configured = numberFrom(
    process.env.SIMILARITY_MODEL_THRESHOLD,
    DEFAULT_MODEL_MERGE_THRESHOLD,
  )
  const cluster = numberFrom(
    process.env.SIMILARITY_MODEL_CLUSTER_THRESHOLD,
    DEFAULT_MODEL_CLUSTER_THRESHOLD,
  )
  const chosen = chooseOnDev(
    dev.map(([, notes]) => notes),
    embeddings,
  )
  const sets: [string, FixtureNote[]][] = [
    [`HELD OUT set C (${held.length} notes, never tuned on)`, held],
    ...dev,
  ]
  return {
    synthesis: sets.flatMap(([label, notes]) =>
      [chosen, configured].map((threshold) => {
        const { precision, recall, f1 } = scoreMethod(notes, mergeWithModel(embeddings, threshold))
        const how = threshold === chosen ? 'chosen on dev' : 'configured'
        return { notes: label, method: `model, t=${threshold} (${how})`, precision, recall, f1 }
      }),
    ),
    cluster: sets.map(([label, notes]) => ({
      notes: label,
      method: `model, t=${cluster}`,
      ...scoreClustering(notes, { embeddings, modelThreshold: cluster }),
    })),
  }
}

function chooseOnDev(sets: readonly FixtureNote[][], embeddings: TextEmbeddings): number {
  const scored = SWEEP.map((threshold) => ({
    threshold,
    ...sumPairScores(
      sets.map((notes) => scoreMethod(notes, mergeWithModel(embeddings, threshold))),
    ),
  }))
  const precise = scored.filter((score) => score.precision >= 0.8)
  const pool = precise.length > 0 ? precise : scored
  return pool.reduce((best, score) => (score.f1 > best.f1 ? score : best)).threshold
}

function numberFrom(value: string | undefined, fallback: number): number {
  const parsed = Number(value)
  return value !== undefined && value !== '' && Number.isFinite(parsed) ? parsed : fallback
}

/** Prints both tables, or nothing when no model is configured. */
export function printModelQuality(quality: ModelQuality | undefined) {
  if (!quality) return
  printTable(
    'Synthesis with the configured model (SIMILARITY_MODEL_DIR): merged pairs vs same idea id',
    quality.synthesis,
  )
  printTable(
    'Föreslå kluster with the configured model: ARI vs key areas and idea ids',
    quality.cluster,
  )
}

if (isMainModule(import.meta.url)) printModelQuality(await measureModelQuality(console.log))
