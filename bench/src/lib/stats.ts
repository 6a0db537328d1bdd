/**
 * The arithmetic of `pnpm bench:portal`: percentiles of the measured latencies and the ratios the
 * goals compare. autocannon reports p97.5 and p99 but no p95, so every percentile here comes from
 * the latency of each single response (nearest rank), the same way for every row.
 */

/** The p-th percentile (0 < p ≤ 100) of ascending `sorted`, by nearest rank; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`)
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export type LatencySummary = { p50: number; p95: number; p99: number; max: number }

export function summarizeLatencies(latenciesMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort()
  const list = Array.from(sorted)
  return {
    p50: percentile(list, 50),
    p95: percentile(list, 95),
    p99: percentile(list, 99),
    max: list.length ? list[list.length - 1]! : Number.NaN,
  }
}

/** `value / baseline`, or NaN when either is missing or the baseline is 0. */
export function ratio(value: number | undefined, baseline: number | undefined): number {
  if (value === undefined || baseline === undefined) return Number.NaN
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return Number.NaN
  return value / baseline
}

/** Everything that is not a correct answer: non-2xx, wrong bodies, socket errors and timeouts. */
export function errorCount(row: { non2xx: number; mismatches: number; errors: number }): number {
  // autocannon counts timeouts among `errors` already.
  return row.non2xx + row.mismatches + row.errors
}
