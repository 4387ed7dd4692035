/**
 * Adjusted Rand Index of two labelings of the same items (Hubert & Arabie 1985): 1 when they
 * agree exactly, about 0 for chance agreement, negative when worse than chance.
 * `a[i]` and `b[i]` are the cluster labels of item i.
 */
export function adjustedRandIndex(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new RangeError('Both labelings must cover the same items')
  const pairs = (n: number) => (n * (n - 1)) / 2
  const countBy = (labels: readonly string[]) => {
    const counts = new Map<string, number>()
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1)
    return counts
  }
  const sumPairs = (counts: Map<string, number>) =>
    [...counts.values()].reduce((sum, n) => sum + pairs(n), 0)
  const index = sumPairs(countBy(a.map((label, i) => JSON.stringify([label, b[i]]))))
  const rowPairs = sumPairs(countBy(a))
  const columnPairs = sumPairs(countBy(b))
  const total = pairs(a.length)
  const expected = total === 0 ? 0 : (rowPairs * columnPairs) / total
  const maximum = (rowPairs + columnPairs) / 2
  // Both labelings trivial (all singletons or all one cluster): they agree fully.
  if (maximum === expected) return 1
  return (index - expected) / (maximum - expected)
}
