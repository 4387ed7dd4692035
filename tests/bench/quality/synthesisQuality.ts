import {
  DEFAULT_LEXICON,
  mergeSimilarFactors,
  type MergeSimilarFactorsOptions,
} from '../../../shared/similarity'
import { charNgramSimilarity, thresholdComponents } from './charNgramBaseline'
import { isMainModule, loadFixture, loadHeldOut, loadSecondDev, type FixtureNote } from './fixture'
import { pairsWithin, scorePairs, sumPairScores, type PairScores } from './pairScores'
import { printTable } from './printTable'

/** Chosen on dev pairs (fixture groups g1, g2) only. */
export const CHAR_NGRAM_THRESHOLD = 0.05

/** One method scored on one set of notes, pooled over every key area × polarity. */
export interface SynthesisQualityRow extends PairScores {
  notes: string
  method: string
}

/** Merges one key area × polarity; returns entries as lists of note ids. */
export type Method = (notes: readonly FixtureNote[]) => string[][]

const mergeWith =
  (options: MergeSimilarFactorsOptions): Method =>
  (notes) =>
    mergeSimilarFactors(
      notes.map((note) => ({ groupId: note.group, factorId: note.id, text: note.text })),
      options,
    ).map((entry) => entry.wordings.map((wording) => wording.factorId))

/** The method as it was before issue 12: lexicon only, threshold 0.2. */
export const TODAYS_METHOD: MergeSimilarFactorsOptions = {
  lexicon: DEFAULT_LEXICON,
  thesaurus: null,
  threshold: 0.2,
}

const METHODS: Record<string, Method> = {
  'mergeSimilarFactors (default: thesaurus + lexicon)': mergeWith({}),
  'mergeSimilarFactors, thesaurus only (no hand lexicon)': mergeWith({ lexicon: [] }),
  'before issue 12: lexicon, no thesaurus, t=0.2': mergeWith(TODAYS_METHOD),
  'baseline: one entry per area+polarity': (notes) => [notes.map((note) => note.id)],
  [`baseline: char 3/4-gram TF-IDF cos >= ${CHAR_NGRAM_THRESHOLD}`]: (notes) =>
    thresholdComponents(
      charNgramSimilarity(notes.map((note) => note.text)),
      CHAR_NGRAM_THRESHOLD,
    ).map((members) => members.map((i) => notes[i]?.id ?? '')),
}

/**
 * Pairwise precision/recall/F1 of merged pairs (a pair is truly the same if it shares an idea
 * id), first on the held-out notes (the headline), then on the dev notes settings were chosen on.
 */
export function measureSynthesisQuality(): SynthesisQualityRow[] {
  const sets: [string, FixtureNote[]][] = [
    [`HELD OUT set C (${loadHeldOut().notes.length} notes, never tuned on)`, loadHeldOut().notes],
    [`dev: set B (${loadSecondDev().notes.length} notes)`, loadSecondDev().notes],
    [`dev: team fixture (${loadFixture().notes.length} notes)`, loadFixture().notes],
  ]
  return sets.flatMap(([label, notes]) =>
    Object.entries(METHODS).map(([method, run]) => ({
      notes: label,
      method,
      ...scoreMethod(notes, run),
    })),
  )
}

export function scoreMethod(notes: readonly FixtureNote[], run: Method): PairScores {
  return sumPairScores(
    [...groupBy(notes, (note) => `${note.keyArea}/${note.polarity}`).values()].map((slice) => {
      const truth = groupBy(slice, (note) => note.idea)
      return scorePairs(
        pairsWithin(run(slice)),
        pairsWithin([...truth.values()].map((ideaNotes) => ideaNotes.map((n) => n.id))),
      )
    }),
  )
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

if (isMainModule(import.meta.url)) {
  printTable(
    'Synthesis quality: merged pairs vs same idea id, pooled over key area × polarity',
    measureSynthesisQuality(),
  )
}
