import type { Term } from './analyzeText'

/**
 * A short heading for a group of notes: the term found in most of its notes, then the one with
 * most weight, preferring lexicon concepts (their labels read as headings). Capitalised.
 */
export function clusterName(notesTerms: readonly (readonly Term[])[]): string {
  const stats = new Map<string, { notes: number; weight: number; displays: Map<string, number> }>()
  for (const terms of notesTerms) {
    for (const key of new Set(terms.map((term) => term.key))) {
      const entry = stats.get(key) ?? { notes: 0, weight: 0, displays: new Map() }
      entry.notes += 1
      stats.set(key, entry)
    }
    for (const term of terms) {
      const entry = stats.get(term.key)
      if (!entry) continue
      entry.weight += term.weight
      entry.displays.set(term.display, (entry.displays.get(term.display) ?? 0) + 1)
    }
  }
  const ranked = [...stats.entries()].sort(
    ([keyA, a], [keyB, b]) =>
      b.notes - a.notes ||
      Number(keyB.startsWith('c:')) - Number(keyA.startsWith('c:')) ||
      b.weight - a.weight ||
      keyA.localeCompare(keyB),
  )
  const top = ranked[0]?.[1]
  if (!top) return ''
  return capitalise(mostCommon(top.displays))
}

function mostCommon(counts: Map<string, number>): string {
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0] ?? ''
}

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('sv') + word.slice(1)
}
