import { embeddingsOf, type TextEmbeddings } from '../../shared/similarity'
import { SentenceEmbedder } from './SentenceEmbedder'

/** The municipality's model, as configured (SIMILARITY_MODEL_*); see docs/similarity.md. */
export interface SimilarityModelSettings {
  dir: string
  mergeThreshold: number
  clusterThreshold: number
}

/** Embeddings for a run, or why there are none (the run then uses the built-in method). */
export interface EmbeddingsResult {
  embeddings?: TextEmbeddings
  /** Set once per failure kind, for the main thread to log; never a note's text. */
  problem?: string
}

/**
 * Loads the configured model on first use (in the worker thread that runs similarity) and
 * embeds texts with it. A directory that cannot be loaded is reported once and then left
 * alone: every later run uses the built-in method without trying again.
 */
export class ModelSimilarity {
  private embedder: Promise<SentenceEmbedder> | undefined
  private failed = false

  constructor(readonly settings: SimilarityModelSettings) {}

  /** Loads the model now (at start, so a wrong directory is logged at once); a problem or none. */
  async load(): Promise<string | undefined> {
    return (await this.embeddingsFor([])).problem
  }

  async embeddingsFor(texts: readonly string[]): Promise<EmbeddingsResult> {
    if (this.failed) return {}
    try {
      this.embedder ??= SentenceEmbedder.load(this.settings.dir)
      const embedder = await this.embedder
      if (texts.length === 0) return {}
      return { embeddings: embeddingsOf(texts, await embedder.embed(texts)) }
    } catch (error) {
      this.failed = true
      return { problem: (error as Error).message }
    }
  }
}
