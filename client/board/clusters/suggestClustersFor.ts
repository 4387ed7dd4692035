import type { BoardInfo } from '../../../shared/contracts'
import type { SuggestedCluster, UnsortedNote } from '../../../shared/similarity/suggestClusters'
import type { ClusterSuggestions } from '../../../shared/similarityContracts'
import { ApiBodyError, boardPath, sendRequest } from '../../common/boardRequest'

/** Set once the server said it has no similarity model: this page then stops asking. */
let serverHasNoModel = false

/**
 * Föreslå kluster: the server's sentence-embedding model when the municipality configured
 * one, else (and when offline or the server is busy) the built-in method in this browser.
 * The server reads the board's notes itself; the answer is kept to the notes shown here.
 */
export async function suggestClustersFor(
  board: BoardInfo,
  notes: readonly UnsortedNote[],
): Promise<SuggestedCluster[]> {
  if (!serverHasNoModel && notes.length > 1) {
    try {
      const path = boardPath(board, '/cluster-suggestions')
      const { clusters } = await sendRequest<ClusterSuggestions>(path, { method: 'POST' })
      const shown = new Set(notes.map((note) => note.id))
      return clusters
        .map((cluster) => ({ ...cluster, noteIds: cluster.noteIds.filter((id) => shown.has(id)) }))
        .filter((cluster) => cluster.noteIds.length > 0)
    } catch (error) {
      if (error instanceof ApiBodyError && error.body?.error === 'no_similarity_model') {
        serverHasNoModel = true
      }
    }
  }
  // Loaded on first use: the Swedish thesaurus behind it is a few hundred kB.
  const { suggestClusters } = await import('../../../shared/similarity/suggestClusters')
  return suggestClusters(notes)
}
