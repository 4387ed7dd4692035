import {
  DEFAULT_LEXICON,
  FIELD_LEXICON,
  mergeSimilarFactors,
  type Concept,
} from '../../../shared/similarity'
import { charNgramSimilarity, thresholdComponents } from './charNgramBaseline'
import { DEV_GROUPS, HELD_OUT_GROUPS, isMainModule, loadFixture, type FixtureNote } from './fixture'
import { pairsWithin, scorePairs, sumPairScores, type PairScores } from './pairScores'
import { printTable } from './printTable'

/** Chosen on the dev groups (g1, g2) only, like the lexicon's dev entries. */
export const CHAR_NGRAM_THRESHOLD = 0.3

/** One method on one set of groups, pooled over every key area × polarity. */
export interface SynthesisQualityRow extends PairScores {
  groups: string
  method: string
}

type Method = (notes: FixtureNote[], corpus: string[]) => string[][]

const mergeWith =
  (lexicon: readonly Concept[]): Method =>
  (notes, corpus) =>
    mergeSimilarFactors(
      notes.map((note) => ({ groupId: note.group, factorId: note.id, text: note.text })),
      { lexicon, corpus },
    ).map((entry) => entry.wordings.map((wording) => wording.factorId))

const METHODS: Record<string, Method> = {
  'mergeSimilarFactors (field + dev lexicon)': mergeWith(DEFAULT_LEXICON),
  'mergeSimilarFactors (field lexicon only)': mergeWith(FIELD_LEXICON),
  'mergeSimilarFactors (no lexicon)': mergeWith([]),
  'baseline: one entry per area+polarity': (notes) => [notes.map((note) => note.id)],
  [`baseline: char 3/4-gram TF-IDF, cos >= ${CHAR_NGRAM_THRESHOLD}`]: (notes, corpus) =>
    thresholdComponents(
      charNgramSimilarity(
        notes.map((note) => note.text),
        corpus,
      ),
      CHAR_NGRAM_THRESHOLD,
    ).map((members) => members.map((i) => notes[i]?.id ?? '')),
}

/** Pairwise precision/recall/F1 of merged pairs; "truly same" = same idea id. */
export function measureSynthesisQuality(): SynthesisQualityRow[] {
  const fixture = loadFixture()
  const splits: [string, readonly string[]][] = [
    ['all (g1-g4)', fixture.groups.map((group) => group.id)],
    [`dev (${DEV_GROUPS.join(', ')})`, DEV_GROUPS],
    [`held-out (${HELD_OUT_GROUPS.join(', ')})`, HELD_OUT_GROUPS],
  ]
  return splits.flatMap(([label, groups]) => {
    const notes = fixture.notes.filter((note) => groups.includes(note.group))
    return Object.entries(METHODS).map(([method, run]) => ({
      groups: label,
      method,
      ...scoreMethod(notes, run),
    }))
  })
}

function scoreMethod(notes: FixtureNote[], run: Method): PairScores {
  const slices = new Map<string, FixtureNote[]>()
  for (const note of notes) {
    const key = `${note.keyArea}/${note.polarity}`
    slices.set(key, [...(slices.get(key) ?? []), note])
  }
  return sumPairScores(
    [...slices.values()].map((slice) => {
      const corpus = notes.filter((note) => !slice.includes(note)).map((note) => note.text)
      const truth = pairsWithin(groupBy(slice, (note) => note.idea))
      return scorePairs(pairsWithin(run(slice, corpus)), truth)
    }),
  )
}

function groupBy(notes: FixtureNote[], key: (note: FixtureNote) => string): string[][] {
  const groups = new Map<string, string[]>()
  for (const note of notes) groups.set(key(note), [...(groups.get(key(note)) ?? []), note.id])
  return [...groups.values()]
}

if (isMainModule(import.meta.url)) {
  printTable(
    'Synthesis quality: merged pairs vs same idea id (micro-averaged over key area × polarity)',
    measureSynthesisQuality(),
  )
}
