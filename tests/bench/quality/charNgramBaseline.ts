/** Character n-grams of each word, padded so word starts and ends count ("_ch", "ef_"). */
function charNgrams(text: string, n: number): Map<string, number> {
  const grams = new Map<string, number>()
  for (const word of text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)) {
    const padded = `_${word}_`
    for (let i = 0; i + n <= padded.length; i++) {
      const gram = padded.slice(i, i + n)
      grams.set(gram, (grams.get(gram) ?? 0) + 1)
    }
  }
  return grams
}

/**
 * The plain baseline: TF-IDF over character 3- and 4-grams, cosine similarity.
 * Returns the full similarity matrix of `texts`; document frequencies also count `corpus`.
 */
export function charNgramSimilarity(
  texts: readonly string[],
  corpus: readonly string[] = [],
): number[][] {
  const bag = (text: string) => new Map([...charNgrams(text, 3), ...charNgrams(text, 4)])
  const all = [...texts, ...corpus].map(bag)
  const df = new Map<string, number>()
  for (const grams of all) for (const gram of grams.keys()) df.set(gram, (df.get(gram) ?? 0) + 1)
  const vectors = all.slice(0, texts.length).map((grams) => {
    const vector = new Map<string, number>()
    for (const [gram, tf] of grams) {
      vector.set(gram, tf * (Math.log((all.length + 1) / ((df.get(gram) ?? 0) + 1)) + 1))
    }
    const length = Math.sqrt([...vector.values()].reduce((sum, v) => sum + v * v, 0)) || 1
    for (const [gram, value] of vector) vector.set(gram, value / length)
    return vector
  })
  return vectors.map((a) =>
    vectors.map((b) => [...a].reduce((dot, [gram, value]) => dot + value * (b.get(gram) ?? 0), 0)),
  )
}

/** Groups items whose similarity reaches the threshold, transitively (connected components). */
export function thresholdComponents(
  similarity: readonly (readonly number[])[],
  threshold: number,
): number[][] {
  const parent = similarity.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i
    return i
  }
  similarity.forEach((row, i) =>
    row.forEach((value, j) => {
      if (j > i && value >= threshold) parent[find(j)] = find(i)
    }),
  )
  const components = new Map<number, number[]>()
  parent.forEach((_, i) => components.set(find(i), [...(components.get(find(i)) ?? []), i]))
  return [...components.values()]
}
