import type { Storage } from '../../server/storage/Storage'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Adds one to a number kept as a workshop's day, pausing between the read and the write: two
 * of these not serialised against each other both read the same number, and one is lost.
 */
export async function increment(storage: Storage, workshopId: string): Promise<void> {
  const stored = Number((await storage.readWorkshopDay(workshopId)) ?? 0)
  await sleep(2)
  await storage.writeWorkshopDay(workshopId, String(stored + 1))
}

/** The number `increment` keeps. */
export async function counted(storage: Storage, workshopId: string): Promise<number> {
  return Number((await storage.readWorkshopDay(workshopId)) ?? 0)
}

/** Counts the tasks inside at once; `most` is what a test of exclusion checks. */
export class Occupancy {
  private inside = 0
  most = 0

  async within<T>(task: () => Promise<T>): Promise<T> {
    this.most = Math.max(this.most, ++this.inside)
    try {
      return await task()
    } finally {
      this.inside--
    }
  }
}

/** `promise`, or a rejection naming `what` after `ms`: a section that never comes fails fast. */
export function before<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
