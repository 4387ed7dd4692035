import type { Term } from './analyzeText'

/** Feature key → weight; absent keys are zero. */
export type SparseVector = Map<string, number>

/**
 * Weighs each document's terms by TF-IDF and scales the vector to unit length, so the dot
 * product of two vectors is their cosine. Document frequencies come from the documents plus an
 * optional background (e.g. all notes of the workshop), because one key area's few notes are
 * too few to tell common words from telling ones.
 */
export function tfidfVectors(
  documents: readonly (readonly Term[])[],
  background: readonly (readonly Term[])[] = [],
): SparseVector[] {
  const all = [...documents, ...background]
  const documentFrequency = new Map<string, number>()
  for (const terms of all) {
    for (const key of new Set(terms.map((term) => term.key))) {
      documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1)
    }
  }
  const idf = (key: string) =>
    Math.log((all.length + 1) / ((documentFrequency.get(key) ?? 0) + 1)) + 1
  return documents.map((terms) => {
    const vector: SparseVector = new Map()
    for (const term of terms) vector.set(term.key, (vector.get(term.key) ?? 0) + term.weight)
    for (const [key, tf] of vector) vector.set(key, tf * idf(key))
    return normalize(vector)
  })
}

/** Cosine of two unit vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [key, value] of small) dot += value * (large.get(key) ?? 0)
  return dot
}

function normalize(vector: SparseVector): SparseVector {
  let sumOfSquares = 0
  for (const value of vector.values()) sumOfSquares += value * value
  const length = Math.sqrt(sumOfSquares)
  if (length === 0) return vector
  for (const [key, value] of vector) vector.set(key, value / length)
  return vector
}
