import type { Concept } from './lexicon'
import { stemWord } from './stem'

/** Looks concepts up by word or stem; built once per lexicon. */
export interface ConceptIndex {
  conceptsOf(wordOrStem: string): readonly Concept[]
  /** Every stem and word of the lexicon; seeds the compound splitter's vocabulary. */
  readonly vocabulary: ReadonlySet<string>
}

const cache = new WeakMap<readonly Concept[], ConceptIndex>()

/** Indexes each lexicon word under itself and its Swedish and English stems. */
export function conceptIndexFor(lexicon: readonly Concept[]): ConceptIndex {
  const cached = cache.get(lexicon)
  if (cached) return cached
  const byKey = new Map<string, Concept[]>()
  const add = (key: string, concept: Concept) => {
    const concepts = byKey.get(key) ?? []
    if (!concepts.includes(concept)) concepts.push(concept)
    byKey.set(key, concepts)
  }
  for (const concept of lexicon) {
    for (const word of concept.words.split(/\s+/).filter(Boolean)) {
      const lower = word.toLowerCase()
      for (const key of new Set([lower, stemWord(lower, 'sv'), stemWord(lower, 'en')])) {
        add(key, concept)
      }
    }
  }
  const index: ConceptIndex = {
    conceptsOf: (wordOrStem) => byKey.get(wordOrStem) ?? [],
    vocabulary: new Set(byKey.keys()),
  }
  cache.set(lexicon, index)
  return index
}
