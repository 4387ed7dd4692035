import type { ClusterSuggestions } from '../../shared/similarityContracts'
import { MAX_SUGGESTED_NOTES } from '../../shared/similarityContracts'
import { HttpError } from '../http/respond'
import type { ServerContext } from '../http/Route'
import type { GatherWorker } from '../workshops/gather/GatherWorker'

/** Boards whose last suggestions are kept, until the board changes. */
const CACHED_BOARDS = 64

/**
 * Föreslå kluster with the municipality's model: the board's unsorted notes, read from the
 * server's copy (never texts a caller sends), are compared on the similarity worker thread.
 * Suggestions are kept until the board stores something, and identical requests in flight
 * share one run, so many participants pressing the button cost one run per change.
 */
export class ClusterSuggestionService {
  private readonly cache = new Map<string, { version: string; suggestions: ClusterSuggestions }>()
  private readonly inFlight = new Map<string, Promise<ClusterSuggestions>>()

  constructor(
    private readonly worker: GatherWorker,
    readonly hasModel: boolean,
  ) {}

  async suggest(context: ServerContext, boardId: string): Promise<ClusterSuggestions> {
    if (!this.hasModel) {
      throw new HttpError(409, 'no_similarity_model', 'no similarity model is configured')
    }
    const pending = context.rooms.get(boardId)?.hasPending ? '+' : ''
    const version = `${await context.storage.docVersion(boardId)}${pending}`
    const cached = this.cache.get(boardId)
    if (cached?.version === version) return cached.suggestions
    const key = `${boardId}@${version}`
    let running = this.inFlight.get(key)
    if (!running) {
      running = this.run(context, boardId).finally(() => this.inFlight.delete(key))
      this.inFlight.set(key, running)
    }
    const suggestions = await running
    this.cache.delete(boardId)
    this.cache.set(boardId, { version, suggestions })
    if (this.cache.size > CACHED_BOARDS) this.cache.delete(this.cache.keys().next().value!)
    return suggestions
  }

  /** Forgets a board, e.g. one being erased. */
  forget(boardId: string) {
    this.cache.delete(boardId)
  }

  private async run(context: ServerContext, boardId: string): Promise<ClusterSuggestions> {
    const notes = (await context.reads.outcome(boardId)).unsorted
      .filter((factor) => factor.text.trim())
      .map((factor) => ({ id: factor.id, text: factor.text }))
    if (notes.length > MAX_SUGGESTED_NOTES) {
      throw new HttpError(
        413,
        'too_many_notes',
        `suggestions compare at most ${MAX_SUGGESTED_NOTES} unsorted notes`,
      )
    }
    return this.worker.suggest(notes)
  }
}
