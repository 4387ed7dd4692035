import { randomBytes } from 'node:crypto'
import { parentPort } from 'node:worker_threads'
import { planGather, type GatherInput } from '../../../shared/workshop/gather'

/** One job: plan a gathering; `newId` is made here, since functions cannot cross threads. */
export type PlanJob = Omit<GatherInput, 'newId'> & { preview: boolean }

/**
 * The worker thread that plans gatherings (the similarity merge is the heavy part), so the
 * event loop that serves sockets and /healthz never waits for it.
 */
parentPort?.on('message', (job: PlanJob) => {
  let n = 0
  const newId = job.preview
    ? () => `shape:preview${++n}`
    : () => `shape:${randomBytes(9).toString('base64url')}`
  try {
    parentPort!.postMessage({ ok: true, plan: planGather({ ...job, newId }) })
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: String(error) })
  }
})
