/** Text similarity of factor notes: cluster suggestions on a board and plenary synthesis. */
export { adjustedRandIndex } from './adjustedRandIndex'
export { detectLanguage, type Language } from './language'
export {
  DEFAULT_LEXICON,
  FIELD_LEXICON,
  DEV_LEXICON,
  type Concept,
  type ConceptSource,
} from './lexicon'
export {
  mergeSimilarFactors,
  DEFAULT_MERGE_THRESHOLD,
  type GroupFactor,
  type MergedFactor,
  type MergeSimilarFactorsOptions,
} from './mergeSimilarFactors'
export {
  buildSimilarityModel,
  textSimilarity,
  type SimilarityMethod,
  type SimilarityModel,
  type SimilarityOptions,
} from './similarityModel'
export {
  suggestClusters,
  DEFAULT_CLUSTER_THRESHOLD,
  type SuggestClustersOptions,
  type SuggestedCluster,
  type UnsortedNote,
} from './suggestClusters'
export { DEFAULT_MODEL_CLUSTER_THRESHOLD, DEFAULT_MODEL_MERGE_THRESHOLD } from './modelThresholds'
export { embeddingsOf, embeddingSimilarity, type TextEmbeddings } from './textEmbeddings'
export { explainMerge, confidenceLevel, type MergeReason } from './explainMerge'
export { swedishThesaurus, indexThesaurus, type Thesaurus } from './thesaurus'
export { tokenize } from './tokenize'
export { stemWord } from './stem'
export { splitCompound } from './compoundSplit'
