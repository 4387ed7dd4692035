import { Tokenizer } from '@huggingface/tokenizers'
import { InferenceSession, Tensor } from 'onnxruntime-node'
import { ModelDirectoryError, readModelDirectory, type ModelFiles } from './modelDirectory'

/** Texts per model run: small batches keep memory flat and let other work in between. */
const BATCH_SIZE = 16
/** Vectors remembered by text, so a polled preview does not run the model again. */
const CACHED_VECTORS = 5000

/**
 * A sentence-embedding model from a local directory, run on the CPU with onnxruntime-node.
 * Nothing is fetched: the tokenizer is built from the directory's tokenizer.json and the
 * session from its model.onnx. Vectors are mean-pooled over the attention mask and of unit
 * length, so their dot product is their cosine.
 */
export class SentenceEmbedder {
  private readonly cache = new Map<string, Float32Array>()

  private constructor(
    private readonly session: InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly files: ModelFiles,
  ) {}

  /** Loads a model directory; throws ModelDirectoryError saying what is wrong with it. */
  static async load(dir: string): Promise<SentenceEmbedder> {
    const files = readModelDirectory(dir)
    let tokenizer: Tokenizer
    try {
      tokenizer = new Tokenizer(files.tokenizer, files.tokenizerConfig)
    } catch (error) {
      throw new ModelDirectoryError(`tokenizer.json cannot be used: ${(error as Error).message}`)
    }
    let session: InferenceSession
    try {
      // One thread each: the server shares its cores with sockets and other boards' work.
      session = await InferenceSession.create(files.modelPath, {
        executionProviders: ['cpu'],
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        logSeverityLevel: 3,
      })
    } catch (error) {
      throw new ModelDirectoryError(
        `${files.modelPath} cannot be loaded: ${(error as Error).message}`,
      )
    }
    if (!session.inputNames.includes('input_ids')) {
      throw new ModelDirectoryError(`${files.modelPath} has no input named input_ids`)
    }
    return new SentenceEmbedder(session, tokenizer, files)
  }

  /** One unit vector per text, in order. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((text) => !this.cache.has(text)))]
    for (let start = 0; start < missing.length; start += BATCH_SIZE) {
      const batch = missing.slice(start, start + BATCH_SIZE)
      const vectors = await this.run(batch)
      for (const [i, text] of batch.entries()) this.remember(text, vectors[i]!)
    }
    return texts.map((text) => this.cache.get(text)!)
  }

  async release(): Promise<void> {
    await this.session.release()
  }

  private remember(text: string, vector: Float32Array) {
    this.cache.set(text, vector)
    if (this.cache.size > CACHED_VECTORS) this.cache.delete(this.cache.keys().next().value!)
  }

  private async run(texts: readonly string[]): Promise<Float32Array[]> {
    const encoded = texts.map((text) => this.encode(text))
    const length = Math.max(...encoded.map((ids) => ids.length))
    const ids = new BigInt64Array(texts.length * length)
    const mask = new BigInt64Array(texts.length * length)
    for (const [row, tokens] of encoded.entries()) {
      for (const [col, id] of tokens.entries()) {
        ids[row * length + col] = BigInt(id)
        mask[row * length + col] = 1n
      }
    }
    const dims = [texts.length, length]
    const feeds: Record<string, Tensor> = { input_ids: new Tensor('int64', ids, dims) }
    if (this.session.inputNames.includes('attention_mask')) {
      feeds.attention_mask = new Tensor('int64', mask, dims)
    }
    if (this.session.inputNames.includes('token_type_ids')) {
      feeds.token_type_ids = new Tensor('int64', new BigInt64Array(ids.length), dims)
    }
    const outputs = await this.session.run(feeds)
    const pooled = outputs.sentence_embedding
    if (pooled) return rows(pooled.data as Float32Array, texts.length).map(normalize)
    const hidden = outputs.last_hidden_state ?? outputs[this.session.outputNames[0]!]!
    return meanPool(hidden.data as Float32Array, mask, texts.length, length).map(normalize)
  }

  /** Token ids with the model's special tokens, cut to its length (keeping the closing token). */
  private encode(text: string): number[] {
    const { ids } = this.tokenizer.encode(`${this.files.prefix}${text}`)
    const max = this.files.maxTokens
    return ids.length <= max ? ids : [...ids.slice(0, max - 1), ids[ids.length - 1]!]
  }
}

function rows(data: Float32Array, count: number): Float32Array[] {
  const width = data.length / count
  return Array.from({ length: count }, (_, i) => data.slice(i * width, (i + 1) * width))
}

/** Mean of each text's token vectors where the attention mask is 1. */
function meanPool(
  hidden: Float32Array,
  mask: BigInt64Array,
  count: number,
  length: number,
): Float32Array[] {
  const width = hidden.length / (count * length)
  return Array.from({ length: count }, (_, row) => {
    const sum = new Float32Array(width)
    let tokens = 0
    for (let col = 0; col < length; col++) {
      if (mask[row * length + col] !== 1n) continue
      tokens++
      const at = (row * length + col) * width
      for (let d = 0; d < width; d++) sum[d]! += hidden[at + d]!
    }
    for (let d = 0; d < width; d++) sum[d]! /= Math.max(1, tokens)
    return sum
  })
}

function normalize(vector: Float32Array): Float32Array {
  const norm = Math.hypot(...vector)
  if (norm > 0) for (let d = 0; d < vector.length; d++) vector[d]! /= norm
  return vector
}
