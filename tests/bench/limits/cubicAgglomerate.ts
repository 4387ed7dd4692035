/**
 * The anchor for the synthesis timing: the average-linkage clustering Samskapa used before
 * issue 8 (commit 7055373), which rescans every pair of clusters after each merge (O(n³)).
 * Kept only to be timed beside today's `shared/similarity/agglomerate.ts`.
 */
interface AgglomerateOptions {
  /** Clusters merge only while their average similarity is at least this. */
  threshold: number
  /** Items that must never end up together (e.g. two factors of one group). */
  cannotLink?: (a: number, b: number) => boolean
}

export function cubicAgglomerate(
  similarity: readonly (readonly number[])[],
  options: AgglomerateOptions,
): number[][] {
  const clusters = similarity.map((_, i) => [i])
  const at = (i: number, j: number) => similarity[i]?.[j] ?? 0
  const linkage = (a: number[], b: number[]) => {
    let sum = 0
    for (const i of a) for (const j of b) sum += at(i, j)
    return sum / (a.length * b.length)
  }
  const allowed = (a: number[], b: number[]) =>
    !options.cannotLink || a.every((i) => b.every((j) => !options.cannotLink?.(i, j)))
  for (;;) {
    let best: { a: number; b: number; score: number } | undefined
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const first = clusters[a] ?? []
        const second = clusters[b] ?? []
        const score = linkage(first, second)
        if (score < options.threshold || (best && score <= best.score)) continue
        if (allowed(first, second)) best = { a, b, score }
      }
    }
    if (!best) break
    const merged = [...(clusters[best.a] ?? []), ...(clusters[best.b] ?? [])].sort((x, y) => x - y)
    clusters.splice(best.b, 1)
    clusters.splice(best.a, 1, merged)
  }
  return clusters
}
