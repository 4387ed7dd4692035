/** One unlabelled Prometheus histogram as read from /metrics: cumulative bucket counts. */
export interface PromHistogram {
  /** Upper bounds in seconds, ascending, the last one Infinity (`le="+Inf"`). */
  bounds: number[]
  cumulative: number[]
  count: number
  sumSeconds: number
}

const EMPTY: PromHistogram = { bounds: [], cumulative: [], count: 0, sumSeconds: 0 }

/** Reads histogram `name` (e.g. `samskapa_persist_seconds`) from Prometheus text format. */
export function parseHistogram(text: string, name: string): PromHistogram {
  const buckets: [number, number][] = []
  let count = 0
  let sumSeconds = 0
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}_bucket{`)) {
      const match = /le="([^"]+)"\}\s+(\S+)/.exec(line)
      if (!match) continue
      const bound = match[1] === '+Inf' ? Infinity : Number(match[1])
      buckets.push([bound, Number(match[2])])
    } else if (line.startsWith(`${name}_count `)) {
      count = Number(line.slice(name.length + 7))
    } else if (line.startsWith(`${name}_sum `)) {
      sumSeconds = Number(line.slice(name.length + 5))
    }
  }
  buckets.sort((a, b) => a[0] - b[0])
  return {
    bounds: buckets.map(([bound]) => bound),
    cumulative: buckets.map(([, n]) => n),
    count,
    sumSeconds,
  }
}

/** What was observed between two reads of the same histogram (`after − before`). */
export function histogramDelta(before: PromHistogram, after: PromHistogram): PromHistogram {
  return {
    bounds: after.bounds,
    cumulative: after.cumulative.map((n, i) => n - (before.cumulative[i] ?? 0)),
    count: after.count - before.count,
    sumSeconds: after.sumSeconds - before.sumSeconds,
  }
}

/** Several nodes' histograms (same buckets) as one. */
export function sumHistograms(histograms: PromHistogram[]): PromHistogram {
  const first = histograms.find((h) => h.bounds.length > 0)
  if (!first) return EMPTY
  return {
    bounds: first.bounds,
    cumulative: first.bounds.map((_, i) =>
      histograms.reduce((n, h) => n + (h.cumulative[i] ?? 0), 0),
    ),
    count: histograms.reduce((n, h) => n + h.count, 0),
    sumSeconds: histograms.reduce((n, h) => n + h.sumSeconds, 0),
  }
}

/**
 * The `fraction` quantile in ms, interpolated linearly inside its bucket as PromQL's
 * histogram_quantile does (so it is only as precise as the buckets: 0.5, 1, 2.5, 5, 10,
 * 25 ms…). A quantile in the +Inf bucket is the last finite bound. NaN when empty.
 */
export function histogramQuantileMs(h: PromHistogram, fraction: number): number {
  if (h.count === 0) return NaN
  const rank = fraction * h.count
  for (let i = 0; i < h.bounds.length; i++) {
    if (h.cumulative[i]! < rank) continue
    const lower = i === 0 ? 0 : h.bounds[i - 1]!
    const upper = h.bounds[i]!
    if (upper === Infinity) return lower * 1000
    const below = i === 0 ? 0 : h.cumulative[i - 1]!
    const inBucket = h.cumulative[i]! - below
    const share = inBucket > 0 ? (rank - below) / inBucket : 1
    return (lower + (upper - lower) * share) * 1000
  }
  return NaN
}
