import { randomBytes } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import { suggestClusters, type UnsortedNote } from '../../../shared/similarity'
import { planGather, type GatherInput } from '../../../shared/workshop/gather'
import { gatherKeyAreas } from '../../../shared/workshop/synthesis'
import { ModelSimilarity, type SimilarityModelSettings } from '../../similarity/ModelSimilarity'

/** One job: plan a gathering; `newId` is made here, since functions cannot cross threads. */
export type PlanJob = Omit<GatherInput, 'newId' | 'similarity'> & { preview: boolean }

/** A job for the similarity worker: a gathering to plan, or cluster suggestions for a board. */
export type SimilarityJob =
  ({ kind: 'gather' } & PlanJob) | { kind: 'suggest'; notes: UnsortedNote[] } | { kind: 'load' }

/** What the worker is started with. */
export interface SimilarityWorkerData {
  model?: SimilarityModelSettings
}

/** A reply: the result, which similarity made it, and a model problem to log (once). */
export type SimilarityReply =
  | { ok: true; result: unknown; method: 'model' | 'built-in'; modelProblem?: string }
  | { ok: false; message: string }

const model = (workerData as SimilarityWorkerData | undefined)?.model
const modelSimilarity = model ? new ModelSimilarity(model) : undefined

/**
 * The worker thread that plans gatherings and suggests clusters (the similarity merge, and the
 * municipality's model when one is configured, are the heavy parts), so the event loop that
 * serves sockets and /healthz never waits for them.
 */
parentPort?.on('message', (job: SimilarityJob) => {
  run(job).then(
    (reply) => parentPort!.postMessage(reply),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: String(error) }),
  )
})

async function run(job: SimilarityJob): Promise<SimilarityReply> {
  if (job.kind === 'load') {
    const problem = await modelSimilarity?.load()
    return {
      ok: true,
      result: null,
      method: modelSimilarity && !problem ? 'model' : 'built-in',
      ...(problem ? { modelProblem: problem } : {}),
    }
  }
  const texts =
    job.kind === 'suggest'
      ? job.notes.map((note) => note.text)
      : gatherKeyAreas(job.groups).flatMap((area) =>
          [...area.factors.hindering, ...area.factors.enabling].map((factor) => factor.text),
        )
  const { embeddings, problem } = (await modelSimilarity?.embeddingsFor(texts)) ?? {}
  const method = embeddings ? 'model' : 'built-in'
  const reply = (result: unknown): SimilarityReply => ({
    ok: true,
    result,
    method,
    ...(problem ? { modelProblem: problem } : {}),
  })
  if (job.kind === 'suggest') {
    return reply(
      suggestClusters(job.notes, { embeddings, modelThreshold: model?.clusterThreshold }),
    )
  }
  let n = 0
  const newId = job.preview
    ? () => `shape:preview${++n}`
    : () => `shape:${randomBytes(9).toString('base64url')}`
  return reply(
    planGather({
      ...job,
      newId,
      similarity: { embeddings, modelThreshold: model?.mergeThreshold },
    }),
  )
}
