/** How far agglomerative clustering may go. */
export interface AgglomerateOptions {
  /** Clusters merge only while their average similarity is at least this. */
  threshold: number
  /** Items that must never end up together (e.g. two factors of one group). */
  cannotLink?: (a: number, b: number) => boolean
}

/**
 * Average-linkage agglomerative clustering over a similarity matrix. Always merges the most
 * similar allowed pair; ties go to the lowest indices, so the result depends only on the
 * matrix and the order the caller fixed. Returns clusters of indices, each sorted.
 *
 * O(n²) memory and about O(n²) time: cluster similarities are updated in place by the
 * Lance–Williams formula, and each row remembers its best partner, so a merge rescans only
 * the rows whose best partner it changed. A forbidden pair scores −∞, which any average with
 * it keeps, so clusters holding such a pair never merge.
 */
export function agglomerate(
  similarity: readonly (readonly number[])[],
  options: AgglomerateOptions,
): number[][] {
  const n = similarity.length
  const link: number[][] = similarity.map((row, i) =>
    Array.from({ length: n }, (_, j) =>
      i === j || options.cannotLink?.(i, j) ? Number.NEGATIVE_INFINITY : (row[j] ?? 0),
    ),
  )
  const members: (number[] | undefined)[] = similarity.map((_, i) => [i])
  const best = new Array<number>(n).fill(-1)
  const rescan = (i: number) => {
    let partner = -1
    const row = link[i]!
    for (let j = 0; j < n; j++) {
      if (j !== i && members[j] && (partner < 0 || row[j]! > row[partner]!)) partner = j
    }
    best[i] = partner
  }
  for (let i = 0; i < n; i++) rescan(i)

  for (;;) {
    let a = -1
    for (let i = 0; i < n; i++) {
      if (!members[i] || best[i]! < 0) continue
      if (a < 0 || link[i]![best[i]!]! > link[a]![best[a]!]!) a = i
    }
    if (a < 0 || !(link[a]![best[a]!]! >= options.threshold)) break
    const [into, gone] = [Math.min(a, best[a]!), Math.max(a, best[a]!)]
    const sizeInto = members[into]!.length
    const sizeGone = members[gone]!.length
    for (let k = 0; k < n; k++) {
      if (!members[k] || k === into || k === gone) continue
      const merged =
        (sizeInto * link[into]![k]! + sizeGone * link[gone]![k]!) / (sizeInto + sizeGone)
      link[into]![k] = merged
      link[k]![into] = merged
    }
    members[into] = [...members[into]!, ...members[gone]!].sort((x, y) => x - y)
    members[gone] = undefined
    for (let k = 0; k < n; k++) {
      if (!members[k]) continue
      const partner = best[k]!
      if (k === into || partner === into || partner === gone) rescan(k)
      else if (
        link[k]![into]! > link[k]![partner]! ||
        (link[k]![into] === link[k]![partner] && into < partner)
      )
        best[k] = into
    }
  }
  return members.filter((cluster): cluster is number[] => cluster !== undefined)
}
