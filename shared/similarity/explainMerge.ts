import type { Term } from './analyzeText'
import type { SimilarityModel } from './similarityModel'

/** Why factors were merged, for the facilitator to judge the merge. */
export interface MergeReason {
  /** The few words (or lexicon concepts) that carry most of the members' similarity. */
  sharedIdea: string[]
  /** Mean pairwise similarity of the members, in [0, 1]; see `confidenceLevel`. */
  confidence: number
}

/** How many words name the shared idea: enough to recognise it, few enough to read at a glance. */
const SHARED_WORDS = 3

/**
 * Explains an entry of at least two members: each feature scores what it adds to the members'
 * pairwise cosines, and the best few are shown by the word the notes wrote most (a synonym
 * only when no note wrote the word itself).
 */
export function explainMerge(members: readonly number[], model: SimilarityModel): MergeReason {
  const contribution = new Map<string, number>()
  let pairs = 0
  let similaritySum = 0
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) {
      const a = model.vectors[members[x]!]
      const b = model.vectors[members[y]!]
      if (!a || !b) continue
      pairs++
      similaritySum += model.similarity(members[x]!, members[y]!)
      for (const [key, value] of a) {
        const other = b.get(key)
        if (other) contribution.set(key, (contribution.get(key) ?? 0) + value * other)
      }
    }
  }
  const terms = members.flatMap((i) => model.terms[i] ?? [])
  const words: string[] = []
  for (const [key] of [...contribution].sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : 1))) {
    const word = displayOf(key, terms)
    if (word && !words.includes(word)) words.push(word)
    if (words.length === SHARED_WORDS) break
  }
  return { sharedIdea: words, confidence: pairs === 0 ? 0 : similaritySum / pairs }
}

/** The written form most used for a feature, preferring whole words over synonyms and parts. */
function displayOf(key: string, terms: readonly Term[]): string | undefined {
  const counts = new Map<string, number>()
  for (const term of terms) {
    if (term.key !== key) continue
    // A whole written word weighs 1; synonyms and compound parts weigh less.
    const score = term.weight >= 1 ? 10 : 1
    const display = term.display.toLocaleLowerCase('sv')
    counts.set(display, (counts.get(display) ?? 0) + score)
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0]
}

/** Confidence in words: the bands sit around the merge threshold (0.08) and well above it. */
export function confidenceLevel(confidence: number): 'high' | 'medium' | 'low' {
  if (confidence >= 0.3) return 'high'
  if (confidence >= 0.12) return 'medium'
  return 'low'
}
