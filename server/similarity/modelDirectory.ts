import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** A model directory that cannot be used, with the reason in words an operator can act on. */
export class ModelDirectoryError extends Error {}

/** The files of a sentence-embedding model in a Hugging Face ONNX export's layout. */
export interface ModelFiles {
  /** `model.onnx`, or `onnx/model.onnx` as transformers.js and Optimum exports put it. */
  modelPath: string
  tokenizer: object
  tokenizerConfig: object
  /** Longest input in tokens: the model's own limit, at most `MAX_TOKENS`. */
  maxTokens: number
  /** Text put before every note, e.g. "query: " for E5 models (config_sentence_transformers.json). */
  prefix: string
}

/** Factor notes are a sentence or two; 128 tokens keeps memory per batch small. */
export const MAX_TOKENS = 128
const MODEL_CANDIDATES = ['model.onnx', path.join('onnx', 'model.onnx')]

/** Finds and reads a model directory's files; throws ModelDirectoryError saying what is wrong. */
export function readModelDirectory(dir: string): ModelFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ModelDirectoryError(`${dir} is not a directory`)
  }
  const modelPath = MODEL_CANDIDATES.map((name) => path.join(dir, name)).find((file) =>
    existsSync(file),
  )
  if (!modelPath) {
    throw new ModelDirectoryError(`${dir} has no ${MODEL_CANDIDATES.join(' or ')}`)
  }
  const tokenizer = readJson(dir, 'tokenizer.json', true)!
  const tokenizerConfig = readJson(dir, 'tokenizer_config.json', false) ?? {}
  const config = readJson(dir, 'config.json', false) ?? {}
  const sentenceConfig = readJson(dir, 'config_sentence_transformers.json', false) ?? {}
  const limits = [
    numberField(tokenizerConfig, 'model_max_length'),
    numberField(config, 'max_position_embeddings'),
    MAX_TOKENS,
  ].filter((limit): limit is number => limit !== undefined && limit >= 8)
  const prompts = (sentenceConfig as { prompts?: Record<string, unknown> }).prompts
  const prefix = typeof prompts?.query === 'string' ? prompts.query : ''
  return { modelPath, tokenizer, tokenizerConfig, maxTokens: Math.min(...limits), prefix }
}

function readJson(dir: string, name: string, required: boolean): object | undefined {
  const file = path.join(dir, name)
  if (!existsSync(file)) {
    if (required) throw new ModelDirectoryError(`${dir} has no ${name}`)
    return undefined
  }
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof value !== 'object' || value === null) throw new Error('not a JSON object')
    return value
  } catch (error) {
    throw new ModelDirectoryError(`${file} is not valid JSON: ${(error as Error).message}`)
  }
}

function numberField(object: object, key: string): number | undefined {
  const value = (object as Record<string, unknown>)[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}
