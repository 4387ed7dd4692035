/** Asks /healthz over and over while `work` runs; the slowest answer in milliseconds. */
export async function slowestHealthAnswer(url: string, work: Promise<unknown>): Promise<number> {
  let done = false
  void work.finally(() => (done = true)).catch(() => undefined)
  let slowest = 0
  while (!done) {
    const started = performance.now()
    await fetch(`${url}/healthz`)
    slowest = Math.max(slowest, performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return slowest
}
