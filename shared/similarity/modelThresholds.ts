/**
 * Thresholds for similarity from a municipality's sentence-embedding model, whose cosines
 * have another scale than the built-in method's. Not tuned here, since no real model is at
 * hand: paraphrases score about 0.7 and more with multilingual MiniLM/mpnet models, while E5
 * models score every pair higher (docs/similarity.md says how to choose them on own notes).
 */

/** Merging in the plenary's synthesis (SIMILARITY_MODEL_THRESHOLD): the same idea. */
export const DEFAULT_MODEL_MERGE_THRESHOLD = 0.7

/** Föreslå kluster (SIMILARITY_MODEL_CLUSTER_THRESHOLD): one topic, not one idea. */
export const DEFAULT_MODEL_CLUSTER_THRESHOLD = 0.5
