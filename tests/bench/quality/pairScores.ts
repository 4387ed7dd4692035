/** Pair counts and scores of a predicted grouping against true "same" pairs. */
export interface PairScores {
  predictedPairs: number
  truePairs: number
  correctPairs: number
  precision: number
  recall: number
  f1: number
}

/** Every unordered pair inside each group, as "a|b" with a < b. */
export function pairsWithin(groups: readonly (readonly string[])[]): Set<string> {
  const pairs = new Set<string>()
  for (const members of groups) {
    const sorted = [...members].sort()
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) pairs.add(`${sorted[i]}|${sorted[j]}`)
    }
  }
  return pairs
}

/** Counts one slice's pairs; add slices with `sumPairScores`. */
export function scorePairs(predicted: Set<string>, truth: Set<string>): PairScores {
  let correct = 0
  for (const pair of predicted) if (truth.has(pair)) correct++
  return withRatios({
    predictedPairs: predicted.size,
    truePairs: truth.size,
    correctPairs: correct,
  })
}

/** Micro-average: pools the pair counts of all slices before taking ratios. */
export function sumPairScores(slices: readonly PairScores[]): PairScores {
  const sum = (key: 'predictedPairs' | 'truePairs' | 'correctPairs') =>
    slices.reduce((total, slice) => total + slice[key], 0)
  return withRatios({
    predictedPairs: sum('predictedPairs'),
    truePairs: sum('truePairs'),
    correctPairs: sum('correctPairs'),
  })
}

function withRatios(counts: Omit<PairScores, 'precision' | 'recall' | 'f1'>): PairScores {
  // No predicted pairs means no wrong merge: precision 1 by convention.
  const precision = counts.predictedPairs === 0 ? 1 : counts.correctPairs / counts.predictedPairs
  const recall = counts.truePairs === 0 ? 1 : counts.correctPairs / counts.truePairs
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { ...counts, precision, recall, f1 }
}
