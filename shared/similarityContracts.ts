import type { SimilarityMethod } from './similarity/similarityModel'
import type { SuggestedCluster } from './similarity/suggestClusters'

/**
 * `POST /api/boards/:id/cluster-suggestions` (facilitator or participant; only when the server
 * has a similarity model, else 409 `no_similarity_model` and the browser suggests by itself):
 * clusters for the board's unsorted notes as stored on the server, made with the model.
 */
export interface ClusterSuggestions {
  /** `built-in` when the configured model could not be used (the server logged why). */
  method: SimilarityMethod
  /** Every unsorted note in exactly one cluster, largest first (`suggestClusters`). */
  clusters: SuggestedCluster[]
}

/** Unsorted notes the server compares at most; a board with more gets 413 `too_many_notes`. */
export const MAX_SUGGESTED_NOTES = 1500
