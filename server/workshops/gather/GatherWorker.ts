import { Worker } from 'node:worker_threads'
import type { SimilarityMethod, SuggestedCluster, UnsortedNote } from '../../../shared/similarity'
import type { GatherPlan } from '../../../shared/workshop/gather'
import type { SimilarityModelSettings } from '../../similarity/ModelSimilarity'
import type { PlanJob, SimilarityJob, SimilarityReply, SimilarityWorkerData } from './planWorker'

export class GatherBusyError extends Error {}
export class GatherTimeoutError extends Error {}

interface Done {
  result: unknown
  method: SimilarityMethod
}

interface Queued {
  job: SimilarityJob
  resolve: (done: Done) => void
  reject: (error: Error) => void
}

export interface GatherWorkerOptions {
  /** A plan taking longer ends its worker; the caller gets GatherTimeoutError. */
  timeoutMs: number
  /** Plans waiting at most; more are refused with GatherBusyError. */
  maxQueued: number
  /** The municipality's sentence-embedding model; the built-in similarity when left out. */
  model?: SimilarityModelSettings
  /** Told when the model cannot be used (each worker tells once); the run used the built-in. */
  onModelProblem?: (problem: string) => void
}

const WORKER_URL = new URL('./planWorker.boot.mjs', import.meta.url)

/**
 * Plans gatherings and suggests clusters on one worker thread, one job at a time, so
 * similarity of any size (and the municipality's model) never blocks the event loop. A plan past the time limit ends the worker (a fresh one starts for the
 * next), and a full queue is refused rather than grown.
 */
export class GatherWorker {
  private worker: Worker | undefined
  private readonly queue: Queued[] = []
  private running: (Queued & { timer: ReturnType<typeof setTimeout> }) | undefined

  constructor(private readonly options: GatherWorkerOptions) {}

  async plan(job: PlanJob): Promise<GatherPlan> {
    const { result } = await this.run({ kind: 'gather', ...job })
    return result as GatherPlan
  }

  /** Cluster suggestions for a board's unsorted notes, and which similarity made them. */
  async suggest(
    notes: UnsortedNote[],
  ): Promise<{ clusters: SuggestedCluster[]; method: SimilarityMethod }> {
    const { result, method } = await this.run({ kind: 'suggest', notes })
    return { clusters: result as SuggestedCluster[], method }
  }

  /** Loads the configured model now, so a directory that cannot be used is logged at start. */
  async loadModel(): Promise<SimilarityMethod> {
    return (await this.run({ kind: 'load' })).method
  }

  private run(job: SimilarityJob): Promise<Done> {
    if (this.queue.length >= this.options.maxQueued) {
      return Promise.reject(new GatherBusyError('too many similarity jobs are waiting'))
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject })
      this.next()
    })
  }

  async stop() {
    for (const queued of this.queue.splice(0)) queued.reject(new GatherBusyError('stopping'))
    await this.worker?.terminate()
    this.worker = undefined
  }

  private next() {
    if (this.running) return
    const queued = this.queue.shift()
    if (!queued) return
    const worker = this.ensureWorker()
    const timer = setTimeout(() => {
      this.finish(undefined, new GatherTimeoutError('planning the gathering took too long'))
      void worker.terminate()
      this.worker = undefined
    }, this.options.timeoutMs)
    this.running = { ...queued, timer }
    worker.postMessage(queued.job)
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const workerData: SimilarityWorkerData = { model: this.options.model }
    const worker = new Worker(WORKER_URL, { workerData })
    worker.unref()
    worker.on('message', (reply: SimilarityReply) => {
      if (!reply.ok) return this.finish(undefined, new Error(reply.message))
      if (reply.modelProblem) this.options.onModelProblem?.(reply.modelProblem)
      this.finish({ result: reply.result, method: reply.method })
    })
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = undefined
      this.finish(undefined, error)
    })
    worker.on('exit', () => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.finish(undefined, new Error('the gathering worker stopped'))
    })
    this.worker = worker
    return worker
  }

  private finish(done: Done | undefined, error?: Error) {
    const running = this.running
    if (!running) return
    clearTimeout(running.timer)
    this.running = undefined
    if (done) running.resolve(done)
    else running.reject(error ?? new Error('no result'))
    this.next()
  }
}
