/**
 * Sentence vectors of texts, computed before a similarity run by a model outside `shared/`
 * (the server's `SentenceEmbedder`). Vectors are of unit length, so a dot product is a cosine.
 */
export interface TextEmbeddings {
  vectorOf(text: string): ArrayLike<number> | undefined
}

/** Embeddings looked up by exact text. */
export function embeddingsOf(
  texts: readonly string[],
  vectors: readonly ArrayLike<number>[],
): TextEmbeddings {
  const byText = new Map<string, ArrayLike<number>>()
  for (const [i, text] of texts.entries()) {
    const vector = vectors[i]
    if (vector) byText.set(text, vector)
  }
  return { vectorOf: (text) => byText.get(text) }
}

/** Cosine of two unit vectors, clamped to [0, 1] like the built-in similarity. */
export function embeddingSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0
  for (let d = 0; d < a.length; d++) dot += a[d]! * (b[d] ?? 0)
  return Math.max(0, Math.min(1, dot))
}

/** Every pair's embedding cosine, 1 on the diagonal. */
export function embeddingMatrix(vectors: readonly ArrayLike<number>[]): number[][] {
  const n = vectors.length
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(1))
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = embeddingSimilarity(vectors[i]!, vectors[j]!)
      matrix[i]![j] = value
      matrix[j]![i] = value
    }
  }
  return matrix
}
