import { parseArgs } from 'node:util'

export type { DatasetName } from '../lib/dataset'
import type { DatasetName } from '../lib/dataset'

export type BenchOptions = {
  /** Seconds per measured row. */
  duration: number
  /** Seconds of the start page at 50 connections (the goal asks 60 s). */
  homeDuration: number
  sets: DatasetName[]
  /** Build the cached datasets again even when the cache is current. */
  rebuildDatasets: boolean
}

export const USAGE = `pnpm bench:portal [-- --duration=<s>] [--home-duration=<s>] [--set=small|year|both] [--rebuild-datasets]
  --duration          seconds per row (default 10; env BENCH_DURATION)
  --home-duration     seconds of the start page at 50 connections (default: --duration; env BENCH_HOME_DURATION; the goal is 60)
  --set               which datasets (default both; env BENCH_SETS)
  --rebuild-datasets  build the cached datasets again (env BENCH_REBUILD_DATASETS=1)`

function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 600) {
    throw new Error(`${name} must be a whole number of seconds between 1 and 600, got "${value}"`)
  }
  return n
}

/** The options from the command line, then the environment, then the defaults. */
export function parseOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): BenchOptions {
  const { values } = parseArgs({
    // pnpm and turbo may pass the separator on: `pnpm bench:portal -- --duration=60`.
    args: argv.filter((arg) => arg !== '--'),
    options: {
      duration: { type: 'string' },
      'home-duration': { type: 'string' },
      set: { type: 'string' },
      'rebuild-datasets': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  })
  if (values.help) throw new Error(USAGE)
  const duration = seconds('--duration', values.duration ?? env.BENCH_DURATION, 10)
  const homeDuration = seconds(
    '--home-duration',
    values['home-duration'] ?? env.BENCH_HOME_DURATION,
    duration,
  )
  const set = (values.set ?? env.BENCH_SETS ?? 'both').trim()
  const sets: DatasetName[] =
    set === 'both' ? ['small', 'year'] : set === 'small' || set === 'year' ? [set] : []
  if (sets.length === 0) throw new Error(`--set must be small, year or both, got "${set}"`)
  return {
    duration,
    homeDuration,
    sets,
    rebuildDatasets: values['rebuild-datasets'] ?? env.BENCH_REBUILD_DATASETS === '1',
  }
}
