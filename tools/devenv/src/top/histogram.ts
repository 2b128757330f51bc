import type { Sample } from './exposition.ts'

/** Cumulative bucket counts by upper bound (`le`), +Inf last: one histogram, or several summed. */
export type Buckets = Map<number, number>

/** The buckets of every series of `name` whose labels pass `keep`, summed per bound. */
export function buckets(samples: Sample[], name: string, keep: (labels: Record<string, string>) => boolean = () => true): Buckets {
  const sum: Buckets = new Map()
  for (const s of samples) {
    if (s.name !== `${name}_bucket` || !keep(s.labels)) continue
    const bound = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le)
    sum.set(bound, (sum.get(bound) ?? 0) + s.value)
  }
  return new Map([...sum].sort(([a], [b]) => a - b))
}

/** What was observed between two scrapes (counters only grow; a restart between them resets). */
export function subtract(now: Buckets, before: Buckets | undefined): Buckets {
  if (!before) return now
  const diff: Buckets = new Map()
  for (const [bound, count] of now) diff.set(bound, count - (before.get(bound) ?? 0))
  return [...diff.values()].some((n) => n < 0) ? now : diff
}

export const total = (b: Buckets) => b.get(Infinity) ?? 0

/**
 * The q-quantile, interpolated linearly inside its bucket as Prometheus' histogram_quantile does;
 * undefined without observations. In the +Inf bucket the largest finite bound is the answer.
 */
export function quantile(b: Buckets, q: number): number | undefined {
  const count = total(b)
  if (count <= 0) return undefined
  const rank = q * count
  let lowerBound = 0
  let lowerCount = 0
  for (const [bound, cumulative] of b) {
    if (cumulative >= rank) {
      if (bound === Infinity) return lowerBound
      const inBucket = cumulative - lowerCount
      return inBucket > 0 ? lowerBound + (bound - lowerBound) * ((rank - lowerCount) / inBucket) : bound
    }
    lowerBound = bound
    lowerCount = cumulative
  }
  return lowerBound
}
