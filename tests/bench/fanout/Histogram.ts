/**
 * A latency histogram with logarithmic buckets 1 % wide, from 1 µs to about a minute:
 * millions of samples cost a few kilobytes, and percentiles are accurate to 1 %.
 */
export class Histogram {
  private static readonly GROWTH = Math.log(1.01)
  private readonly buckets = new Float64Array(1900)
  count = 0
  private maxMs = 0

  record(ms: number) {
    const micros = Math.max(1, ms * 1000)
    const index = Math.min(this.buckets.length - 1, Math.ceil(Math.log(micros) / Histogram.GROWTH))
    this.buckets[index]! += 1
    this.count++
    if (ms > this.maxMs) this.maxMs = ms
  }

  /** The latency in ms below which `fraction` of the samples fall (NaN when empty). */
  percentile(fraction: number): number {
    if (this.count === 0) return NaN
    const rank = fraction * this.count
    let seen = 0
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!
      if (seen >= rank) return Math.min(this.maxMs, Math.exp(i * Histogram.GROWTH) / 1000)
    }
    return this.maxMs
  }

  get max() {
    return this.count === 0 ? NaN : this.maxMs
  }
}
