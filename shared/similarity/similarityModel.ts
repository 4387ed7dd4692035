import { analyzeText, contentStems, type Term } from './analyzeText'
import { COMMON_COMPOUND_PARTS } from './compoundSplit'
import { conceptIndexFor } from './conceptIndex'
import type { Language } from './language'
import { DEFAULT_LEXICON, type Concept } from './lexicon'
import { cosine, tfidfVectors, type SparseVector } from './tfidf'
import { embeddingMatrix, embeddingSimilarity, type TextEmbeddings } from './textEmbeddings'
import { swedishThesaurus, type Thesaurus } from './thesaurus'

/** Options shared by every similarity-based function. */
export interface SimilarityOptions {
  /** Language of all texts; detected per text when left out. */
  language?: Language
  /** Near-synonym lexicon; defaults to the curated one. Pass `[]` to compare words only. */
  lexicon?: readonly Concept[]
  /**
   * Further texts that only count towards document frequencies. Leave out when merging one key
   * area: other areas' notes make that area's own words look rare and over-merge (bench-tested).
   */
  corpus?: readonly string[]
  /** Synonyms; defaults to the Swedish thesaurus. Pass `null` to compare without synonyms. */
  thesaurus?: Thesaurus | null
  /** How much a word counts as its synonyms (default SYNONYM_WEIGHT); for quality runs. */
  synonymWeight?: number
  /** Let the thesaurus' vocabulary guide compound splitting (default on). */
  thesaurusCompounds?: boolean
  /**
   * Sentence vectors from the municipality's model. When every text has one, their cosine
   * replaces the built-in one (words still name the shared idea); else the built-in is used.
   */
  embeddings?: TextEmbeddings
}

/** Which similarity a model scores with: a sentence-embedding model's, or the built-in words'. */
export type SimilarityMethod = 'model' | 'built-in'

/** Pairwise similarity of a fixed list of texts. */
export interface SimilarityModel {
  readonly method: SimilarityMethod
  readonly terms: readonly (readonly Term[])[]
  readonly vectors: readonly SparseVector[]
  /** Cosine in [0, 1] of the texts at indices `i` and `j`. */
  similarity(i: number, j: number): number
  /** Full symmetric matrix, 1 on the diagonal. */
  matrix(): number[][]
}

/** Analyzes the texts together: they share compound vocabulary and document frequencies. */
export function buildSimilarityModel(
  texts: readonly string[],
  options: SimilarityOptions = {},
): SimilarityModel {
  const concepts = conceptIndexFor(options.lexicon ?? DEFAULT_LEXICON)
  const corpus = options.corpus ?? []
  const thesaurus = options.thesaurus === undefined ? swedishThesaurus() : options.thesaurus
  const vocabulary = new Set([...concepts.vocabulary, ...COMMON_COMPOUND_PARTS])
  const generalVocabulary = options.thesaurusCompounds === false ? undefined : thesaurus?.vocabulary
  for (const text of [...texts, ...corpus]) {
    for (const { stem } of contentStems(text, options.language)) {
      if (stem.length >= 3) vocabulary.add(stem)
    }
  }
  const context = {
    language: options.language,
    concepts,
    isKnownPart: (part: string) => vocabulary.has(part) || generalVocabulary?.has(part) === true,
    thesaurus: thesaurus ?? undefined,
    synonymWeight: options.synonymWeight,
  }
  const terms = texts.map((text) => analyzeText(text, context))
  const vectors = tfidfVectors(
    terms,
    corpus.map((text) => analyzeText(text, context)),
  )
  const embedded = texts.map((text) => options.embeddings?.vectorOf(text))
  if (texts.length > 0 && embedded.every((vector) => vector !== undefined)) {
    return {
      method: 'model',
      terms,
      vectors,
      similarity: (i, j) => {
        const a = embedded[i]
        const b = embedded[j]
        if (!a || !b) throw new RangeError(`No text at index ${a ? j : i}`)
        return i === j ? 1 : embeddingSimilarity(a, b)
      },
      matrix: () => embeddingMatrix(embedded),
    }
  }
  const similarity = (i: number, j: number) => {
    const a = vectors[i]
    const b = vectors[j]
    if (!a || !b) throw new RangeError(`No text at index ${a ? j : i}`)
    return i === j ? 1 : Math.min(1, cosine(a, b))
  }
  return {
    method: 'built-in',
    terms,
    vectors,
    similarity,
    matrix: () => cosineMatrix(vectors),
  }
}

/**
 * Every pair's cosine at once, through an inverted index: only features two texts share cost
 * time, each pair is summed once and mirrored. Pair by pair, the vectors' synonym features
 * (about 150 a text) made 4 groups × 250 factors take 13 s; this takes a fraction of that.
 */
function cosineMatrix(vectors: readonly SparseVector[]): number[][] {
  const n = vectors.length
  const postings = new Map<string, { docs: number[]; weights: number[]; next: number }>()
  for (const [doc, vector] of vectors.entries()) {
    for (const [key, weight] of vector) {
      const list = postings.get(key) ?? { docs: [], weights: [], next: 0 }
      list.docs.push(doc)
      list.weights.push(weight)
      postings.set(key, list)
    }
  }
  const matrix = Array.from({ length: n }, (_, i) => {
    const row = new Array<number>(n).fill(0)
    row[i] = 1
    return row
  })
  const dot = new Float64Array(n)
  for (const [i, vector] of vectors.entries()) {
    dot.fill(0)
    for (const [key, weight] of vector) {
      // Documents are listed in order, so this feature's entry for `i` is the next one.
      const list = postings.get(key)!
      list.next++
      for (let p = list.next; p < list.docs.length; p++) {
        dot[list.docs[p]!]! += weight * list.weights[p]!
      }
    }
    const row = matrix[i]!
    for (let j = i + 1; j < n; j++) {
      const value = Math.min(1, dot[j]!)
      row[j] = value
      matrix[j]![i] = value
    }
  }
  return matrix
}

/** Similarity in [0, 1] of two factor texts: 1 says the same, 0 shares nothing. */
export function textSimilarity(a: string, b: string, options: SimilarityOptions = {}): number {
  return buildSimilarityModel([a, b], options).similarity(0, 1)
}
