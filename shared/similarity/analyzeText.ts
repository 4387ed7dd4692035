import type { ConceptIndex } from './conceptIndex'
import { splitCompound } from './compoundSplit'
import { detectLanguage, type Language } from './language'
import { stemWord } from './stem'
import { isStopWord } from './stopWords'
import type { Thesaurus } from './thesaurus'
import { tokenize } from './tokenize'

/** One weighted feature of a note: a word stem (`w:`) or a lexicon concept (`c:`). */
export interface Term {
  key: string
  weight: number
  /** How to show the term to people (the written word, or the concept's label). */
  display: string
}

/** What the analysis needs besides the text itself. */
export interface AnalysisContext {
  language?: Language
  concepts: ConceptIndex
  /** Stems known to be words, for splitting compounds (lexicon + the notes being compared). */
  isKnownPart: (part: string) => boolean
  /** Swedish synonyms: a word also counts, weakly, as each of its synonyms. */
  thesaurus?: Thesaurus
  /** Total weight a word lends its synonyms (see SYNONYM_WEIGHT). */
  synonymWeight?: number
}

/** Compound parts are weaker evidence than whole words: "chefsomsättning" is not quite "chef". */
const PART_WEIGHT = 0.5
/** Concepts outweigh single words: curated evidence of same meaning. Chosen on groups g1, g2. */
const CONCEPT_WEIGHT = 2
/**
 * A word lends this much weight, shared out, to its synonyms, so "skolning" meets
 * "utbildning" at a fraction of a shared word. Chosen on dev data only (docs/similarity.md).
 */
export const SYNONYM_WEIGHT = 1
/** Only long stems are worth trying to split. */
const MIN_COMPOUND_LENGTH = 7

/** The content words of a note, stemmed, in the note's language. */
export function contentStems(text: string, language?: Language): { word: string; stem: string }[] {
  const words = tokenize(text)
  const lang = language ?? detectLanguage(words)
  return words
    .filter((word) => !isStopWord(word, lang))
    .map((word) => ({ word, stem: stemWord(word, lang) }))
    .filter(({ stem }) => stem.length > 1)
}

/** Turns a note into weighted stem, compound-part and concept features. */
export function analyzeText(text: string, context: AnalysisContext): Term[] {
  const terms: Term[] = []
  for (const { word, stem } of contentStems(text, context.language)) {
    terms.push({ key: `w:${stem}`, weight: 1, display: word })
    terms.push(...synonymTerms(context, stem, 1))
    const wordConcepts = conceptTerms(context, [word, stem], CONCEPT_WEIGHT)
    terms.push(...wordConcepts)
    if (stem.length < MIN_COMPOUND_LENGTH) continue
    const seen = new Set(wordConcepts.map((term) => term.key))
    for (const part of splitCompound(stem, context.isKnownPart)) {
      terms.push({ key: `w:${part}`, weight: PART_WEIGHT, display: part })
      terms.push(...synonymTerms(context, part, PART_WEIGHT))
      for (const term of conceptTerms(context, [part], PART_WEIGHT * CONCEPT_WEIGHT)) {
        if (!seen.has(term.key)) terms.push(term)
        seen.add(term.key)
      }
    }
  }
  return terms
}

/**
 * A word's synonyms as weak word features. Shared by the square root of their number: a word
 * with many senses lends each a little, yet more in all than a word with one.
 */
function synonymTerms(context: AnalysisContext, stem: string, weight: number): Term[] {
  const synonyms = context.thesaurus?.synonymsOf(stem) ?? []
  const each = (weight * (context.synonymWeight ?? SYNONYM_WEIGHT)) / Math.sqrt(synonyms.length)
  return synonyms.map((synonym) => ({ key: `w:${synonym}`, weight: each, display: synonym }))
}

/** A word in several concepts shares its weight between them. */
function conceptTerms(context: AnalysisContext, forms: string[], weight: number): Term[] {
  const concepts = [...new Set(forms.flatMap((form) => context.concepts.conceptsOf(form)))]
  return concepts.map((concept) => ({
    key: `c:${concept.id}`,
    weight: weight / concepts.length,
    display: concept.label,
  }))
}
