import { Worker } from 'node:worker_threads'
import type { GatherPlan } from '../../../shared/workshop/gather'
import type { PlanJob } from './planWorker'

export class GatherBusyError extends Error {}
export class GatherTimeoutError extends Error {}

interface Queued {
  job: PlanJob
  resolve: (plan: GatherPlan) => void
  reject: (error: Error) => void
}

export interface GatherWorkerOptions {
  /** A plan taking longer ends its worker; the caller gets GatherTimeoutError. */
  timeoutMs: number
  /** Plans waiting at most; more are refused with GatherBusyError. */
  maxQueued: number
}

const WORKER_URL = new URL('./planWorker.boot.mjs', import.meta.url)

/**
 * Plans gatherings on one worker thread, one at a time, so synthesis of any size never blocks
 * the event loop. A plan past the time limit ends the worker (a fresh one starts for the
 * next), and a full queue is refused rather than grown.
 */
export class GatherWorker {
  private worker: Worker | undefined
  private readonly queue: Queued[] = []
  private running: (Queued & { timer: ReturnType<typeof setTimeout> }) | undefined

  constructor(private readonly options: GatherWorkerOptions) {}

  plan(job: PlanJob): Promise<GatherPlan> {
    if (this.queue.length >= this.options.maxQueued) {
      return Promise.reject(new GatherBusyError('too many gatherings are being planned'))
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
    const worker = new Worker(WORKER_URL)
    worker.unref()
    worker.on(
      'message',
      (reply: { ok: true; plan: GatherPlan } | { ok: false; message: string }) =>
        reply.ok ? this.finish(reply.plan) : this.finish(undefined, new Error(reply.message)),
    )
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

  private finish(plan: GatherPlan | undefined, error?: Error) {
    const running = this.running
    if (!running) return
    clearTimeout(running.timer)
    this.running = undefined
    if (plan) running.resolve(plan)
    else running.reject(error ?? new Error('no plan'))
    this.next()
  }
}
