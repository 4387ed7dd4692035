import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../../shared/board/boardDoc'
import type { GatherLanguage, GatherPlan } from '../../../shared/workshop/gather'
import { readGatherState, writeGatherState } from '../../../shared/workshop/gatherState'
import type { Synthesis } from '../../../shared/workshopContracts'
import { withBoardDoc } from '../../http/boardAccess'
import type { ServerContext } from '../../http/Route'
import { groupOutcomes } from '../overview'
import type { GatherWorker } from './GatherWorker'

/** Previews kept, one per workshop and language. */
const CACHED_PREVIEWS = 64
/** Times a gathering is planned again when the plenary changed while it was planned. */
const REPLANS = 2

/**
 * Synthesis and gathering for the HTTP routes, off the event loop: plans are made on a worker
 * thread from a snapshot of the group boards and the plenary. A preview is cached until one
 * of those boards changes, and identical requests in flight share one plan, so a facilitator
 * polling (or many tabs) costs one plan per change, not one per request.
 */
export class SynthesisService {
  private readonly previews = new Map<string, { key: string; synthesis: Synthesis }>()
  private readonly inFlight = new Map<string, Promise<GatherPlan>>()

  constructor(private readonly worker: GatherWorker) {}

  async preview(
    context: ServerContext,
    workshopId: string,
    plenaryId: string,
    language: GatherLanguage,
  ): Promise<Synthesis> {
    const key = await this.versionKey(context, workshopId, plenaryId, language)
    const cacheKey = `${workshopId}:${language}`
    const cached = this.previews.get(cacheKey)
    if (cached?.key === key) return cached.synthesis
    const plan = await this.planOnce(key, () =>
      this.plan(context, workshopId, plenaryId, language, true),
    )
    this.previews.delete(cacheKey)
    this.previews.set(cacheKey, { key, synthesis: plan.synthesis })
    if (this.previews.size > CACHED_PREVIEWS)
      this.previews.delete(this.previews.keys().next().value!)
    return plan.synthesis
  }

  /** Plans off the loop, then writes the plan into the plenary in one transaction. */
  async gather(
    context: ServerContext,
    workshopId: string,
    plenaryId: string,
    language: GatherLanguage,
  ): Promise<Synthesis> {
    for (let attempt = 0; ; attempt++) {
      const before = await this.plenaryStateVector(context, plenaryId)
      const plan = await this.plan(context, workshopId, plenaryId, language, false)
      const applied = await withBoardDoc(context, plenaryId, (doc) => {
        const unchanged = Buffer.from(Y.encodeStateVector(doc)).equals(before)
        if (!unchanged && attempt < REPLANS) return false
        doc.transact(() => {
          writeRecords(doc, plan.put, plan.remove)
          writeGatherState(doc, plan.state)
        }, 'server')
        return true
      })
      if (applied) return plan.synthesis
    }
  }

  /** Forgets a workshop's previews, e.g. when it is erased. */
  forget(workshopId: string) {
    for (const key of [...this.previews.keys()]) {
      if (key.startsWith(`${workshopId}:`)) this.previews.delete(key)
    }
  }

  private async plan(
    context: ServerContext,
    workshopId: string,
    plenaryId: string,
    language: GatherLanguage,
    preview: boolean,
  ): Promise<GatherPlan> {
    const groups = await groupOutcomes(context, workshopId)
    const { records, state } = await context.reads.withDoc(plenaryId, (doc) => ({
      records: readRecords(doc),
      state: readGatherState(doc),
    }))
    return this.worker.plan({ records, state, groups, language, preview })
  }

  private planOnce(key: string, plan: () => Promise<GatherPlan>): Promise<GatherPlan> {
    const running = this.inFlight.get(key)
    if (running) return running
    const started = plan().finally(() => this.inFlight.delete(key))
    this.inFlight.set(key, started)
    return started
  }

  /** Changes whenever a board the synthesis depends on stores something. */
  private async versionKey(
    context: ServerContext,
    workshopId: string,
    plenaryId: string,
    language: GatherLanguage,
  ): Promise<string> {
    const boards = (await context.storage.workshopBoards(workshopId)).map((board) => board.id)
    const versions = await Promise.all(
      [...new Set([...boards, plenaryId])].map(
        async (id) =>
          `${id}@${await context.storage.docVersion(id)}${context.rooms.get(id)?.hasPending ? '+' : ''}`,
      ),
    )
    return `${workshopId}:${language}:${versions.join(',')}`
  }

  private async plenaryStateVector(context: ServerContext, plenaryId: string): Promise<Buffer> {
    return Buffer.from(await context.reads.withDoc(plenaryId, (doc) => Y.encodeStateVector(doc)))
  }
}
