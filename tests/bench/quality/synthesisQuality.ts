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

/** Chosen on dev pairs (groups g1, g2) only, as were the lexicon's dev entries. */
export const CHAR_NGRAM_THRESHOLD = 0.05

/** One method scored on one scope, pooled over every key area × polarity. */
export interface SynthesisQualityRow extends PairScores {
  scope: string
  method: string
}

/** Merges one key area × polarity; returns entries as lists of note ids. */
type Method = (notes: readonly FixtureNote[]) => string[][]

const mergeWith =
  (lexicon: readonly Concept[]): Method =>
  (notes) =>
    mergeSimilarFactors(
      notes.map((note) => ({ groupId: note.group, factorId: note.id, text: note.text })),
      { lexicon },
    ).map((entry) => entry.wordings.map((wording) => wording.factorId))

const METHODS: Record<string, Method> = {
  'mergeSimilarFactors, field + dev lexicon': mergeWith(DEFAULT_LEXICON),
  'mergeSimilarFactors, field lexicon only': mergeWith(FIELD_LEXICON),
  'mergeSimilarFactors, no lexicon': mergeWith([]),
  'baseline: one entry per area+polarity': (notes) => [notes.map((note) => note.id)],
  [`baseline: char 3/4-gram TF-IDF cos >= ${CHAR_NGRAM_THRESHOLD}`]: (notes) =>
    thresholdComponents(
      charNgramSimilarity(notes.map((note) => note.text)),
      CHAR_NGRAM_THRESHOLD,
    ).map((members) => members.map((i) => notes[i]?.id ?? '')),
}

interface Scope {
  label: string
  /** Notes the methods see. */
  groups: readonly string[]
  /** Pairs (of note ids) that count. */
  counts: (a: FixtureNote, b: FixtureNote) => boolean
}

const isDev = (note: FixtureNote) => DEV_GROUPS.includes(note.group)
const SCOPES: readonly Scope[] = [
  { label: 'all pairs', groups: [...DEV_GROUPS, ...HELD_OUT_GROUPS], counts: () => true },
  {
    label: 'dev pairs (both in g1/g2)',
    groups: [...DEV_GROUPS, ...HELD_OUT_GROUPS],
    counts: (a, b) => isDev(a) && isDev(b),
  },
  {
    label: 'held-out pairs (>=1 in g3/g4)',
    groups: [...DEV_GROUPS, ...HELD_OUT_GROUPS],
    counts: (a, b) => !isDev(a) || !isDev(b),
  },
  { label: 'held-out run (g3+g4 notes only)', groups: HELD_OUT_GROUPS, counts: () => true },
]

/** Pairwise precision/recall/F1 of merged pairs; a pair is truly the same if it shares an idea. */
export function measureSynthesisQuality(): SynthesisQualityRow[] {
  const notes = loadFixture().notes
  return SCOPES.flatMap((scope) =>
    Object.entries(METHODS).map(([method, run]) => ({
      scope: scope.label,
      method,
      ...scoreMethod(
        notes.filter((note) => scope.groups.includes(note.group)),
        run,
        scope,
      ),
    })),
  )
}

function scoreMethod(notes: readonly FixtureNote[], run: Method, scope: Scope): PairScores {
  const byId = new Map(notes.map((note) => [note.id, note]))
  const counted = (pairs: Set<string>) =>
    new Set(
      [...pairs].filter((pair) => {
        const [a, b] = pair.split('|').map((id) => byId.get(id))
        return a !== undefined && b !== undefined && scope.counts(a, b)
      }),
    )
  return sumPairScores(
    [...groupBy(notes, (note) => `${note.keyArea}/${note.polarity}`).values()].map((slice) => {
      const truth = groupBy(slice, (note) => note.idea)
      return scorePairs(
        counted(pairsWithin(run(slice))),
        counted(pairsWithin([...truth.values()].map((ideaNotes) => ideaNotes.map((n) => n.id)))),
      )
    }),
  )
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
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
