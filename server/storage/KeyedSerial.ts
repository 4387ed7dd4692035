/**
 * Runs tasks one after another per key. Storage is asynchronous, so a read, a check and the
 * write after it (a day's record, a participant's ballots) would otherwise interleave with
 * another request's and lose an update. A task's failure is its caller's; the next one runs.
 */
export class KeyedSerial {
  private readonly tails = new Map<string, Promise<unknown>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.then(task)
    const tail = result.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }
}
