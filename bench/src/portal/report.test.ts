import { describe, expect, it } from 'vitest'

import type { PageWeight } from './page-weight'
import type { RowKind, RowResult, SetResult } from './report'
import {
  baselineRatio,
  evaluateGoals,
  formatBytes,
  formatMs,
  formatRate,
  formatRatio,
  formatTable,
  goalsBlock,
  resultsTable,
  scaleRatio,
} from './report'

function row(
  set: 'small' | 'year',
  kind: RowKind,
  connections: number,
  reqPerSec: number,
  p95: number,
  extra: Partial<RowResult> = {},
): RowResult {
  return {
    set,
    kind,
    connections,
    durationS: 10,
    responses: reqPerSec * 10,
    reqPerSec,
    latency: { p50: p95 / 2, p95, p99: p95 * 1.5, max: p95 * 2 },
    non2xx: 0,
    mismatches: 0,
    errors: 0,
    timeouts: 0,
    statuses: { 200: reqPerSec * 10 },
    ...extra,
  }
}

const page = (path: string, totalBytes: number, compressed: boolean, css = 1): PageWeight => ({
  path,
  status: 200,
  html: {
    url: path,
    status: 200,
    bytes: totalBytes - css * 1000,
    encoding: compressed ? 'br' : null,
  },
  stylesheets: Array.from({ length: css }, (_, i) => ({
    url: `/_astro/${i}.css`,
    status: 200,
    bytes: 1000,
    encoding: compressed ? 'br' : null,
  })),
  scripts: [],
  totalBytes,
  compressed,
})

function sets(
  overrides: { home?: Partial<RowResult>; thumb?: Partial<RowResult> } = {},
): SetResult[] {
  return [
    {
      set: 'small',
      counts: { groups: 4, posts: 13, media: 15 },
      rssPeakKb: { cms: 300_000, portal: 90_000 },
      pages: [],
      rows: [
        row('small', 'home', 50, 11, 50),
        row('small', 'login-page', 50, 1500, 30),
        row('small', 'thumbnail', 50, 100, 40),
        row('small', 'static', 50, 5000, 9),
      ],
    },
    {
      set: 'year',
      counts: { groups: 8, families: 400, parents: 640, pupils: 500, posts: 3000, media: 15000 },
      rssPeakKb: { cms: 600_000, portal: 100_000 },
      pages: [page('/', 40 * 1024, false, 6), page('/inloggen', 10 * 1024, true, 2)],
      rows: [
        row('year', 'home', 50, 1200, 60, { durationS: 60, ...overrides.home }),
        row('year', 'login-page', 50, 2000, 30),
        row('year', 'thumbnail', 50, 3000, 45, overrides.thumb),
        row('year', 'static', 50, 5000, 9),
      ],
    },
  ]
}

describe('formatting', () => {
  it('writes latencies, rates, ratios and sizes the way the issue does', () => {
    expect(formatMs(3.24)).toBe('3.2 ms')
    expect(formatMs(69.4)).toBe('69 ms')
    expect(formatMs(1100)).toBe('1.1 s')
    expect(formatMs(Number.NaN)).toBe('–')
    expect(formatRate(1378.4)).toBe('1,378')
    expect(formatRate(7.04)).toBe('7.0')
    expect(formatRatio(0.3)).toBe('0.30×')
    expect(formatRatio(0.0061)).toBe('0.006×')
    expect(formatRatio(Number.NaN)).toBe('–')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(25 * 1024)).toBe('25.0 KB')
    expect(formatBytes(312 * 1024 * 1024)).toBe('312 MB')
  })

  it('pads a Markdown table per column, numbers to the right', () => {
    const table = formatTable(
      ['Name', 'n'],
      [
        ['a', '1'],
        ['long name', '100'],
      ],
      ['left', 'right'],
    )
    expect(table.split('\n')).toEqual([
      '| Name      |   n |',
      '| --------- | --: |',
      '| a         |   1 |',
      '| long name | 100 |',
    ])
  })
})

describe('ratios', () => {
  it('compares the start page with /inloggen and the thumbnail with the static server of the same dataset', () => {
    const all = sets()
    const year = all[1]!.rows
    expect(baselineRatio(all, year[0]!)).toBeCloseTo(0.6)
    expect(baselineRatio(all, year[2]!)).toBeCloseTo(0.6)
    expect(baselineRatio(all, year[1]!)).toBeNaN()
  })

  it('compares the school year’s p95 with the same row of the demo school', () => {
    const all = sets()
    expect(scaleRatio(all, all[1]!.rows[0]!)).toBeCloseTo(1.2)
    expect(scaleRatio(all, all[0]!.rows[0]!)).toBeNaN()
  })

  it('prints every row with its ratio in one table', () => {
    const table = resultsTable(sets())
    expect(table.split('\n')).toHaveLength(2 + 8)
    expect(table).toContain('(baseline)')
    expect(table).toContain('0.60×')
  })
})

describe('evaluateGoals', () => {
  const verdict = (goals: ReturnType<typeof evaluateGoals>, start: string) =>
    goals.find((g) => g.goal.trimStart().startsWith(start))?.pass

  it('passes and fails each goal of the issue on the measured figures', () => {
    const goals = evaluateGoals(sets())
    expect(verdict(goals, 'Start page, 50 conn., school year')).toBe(true)
    expect(verdict(goals, '… at the least')).toBe(true)
    expect(verdict(goals, '… 0 errors for 60 s')).toBe(true)
    expect(verdict(goals, 'Thumbnail via the portal')).toBe(true)
    expect(verdict(goals, 'Scale: start page p95 (50 conn.)')).toBe(true) // exactly 1.2×
    expect(verdict(goals, 'Scale: thumbnail p95 (50 conn.)')).toBe(true) // 45 vs 40 ms: 1.125×
    expect(verdict(goals, 'Scale: start page p95 (1 conn.)')).toBeNull() // no 1-conn. rows
    expect(verdict(goals, 'School year: 8 groups')).toBe(true)
    expect(verdict(goals, 'Memory: CMS')).toBe(false)
    expect(verdict(goals, 'Memory: portal')).toBe(true)
    expect(verdict(goals, 'Page weight `/`:')).toBe(false)
    expect(verdict(goals, 'Page weight `/inloggen`:')).toBe(true)
    const block = goalsBlock(goals)
    expect(block).toContain('PASS')
    expect(block).toContain('FAIL')
  })

  it('holds the conversation list of the school year to the demo school’s, like the start page', () => {
    const all = sets()
    all[0]!.rows.push(row('small', 'conversations', 10, 200, 20))
    all[1]!.rows.push(row('year', 'conversations', 10, 150, 26))
    expect(verdict(evaluateGoals(all), 'Scale: /gesprekken p95 (10 conn.)')).toBe(false) // 1.3×
    all[1]!.rows[all[1]!.rows.length - 1] = row('year', 'conversations', 10, 190, 22)
    expect(verdict(evaluateGoals(all), 'Scale: /gesprekken p95 (10 conn.)')).toBe(true) // 1.1×
    expect(verdict(evaluateGoals(sets()), 'Scale: /gesprekken p95 (10 conn.)')).toBeNull()
  })

  it('fails the thumbnail goals when the file is slow at scale', () => {
    const goals = evaluateGoals(
      sets({ thumb: { latency: { p50: 50, p95: 100, p99: 120, max: 200 } } }),
    )
    expect(verdict(goals, 'Scale: thumbnail p95 (50 conn.)')).toBe(false) // 100 vs 40 ms: 2.5×
    expect(verdict(goals, '… p95 ≤ 50 ms')).toBe(false)
  })

  it('does not pass the scale goal on p95s of error pages', () => {
    // Both rows capped at the portal's CMS timeout: the ratio is 1×, the pages never came.
    const capped = { non2xx: 48, latency: { p50: 5000, p95: 60, p99: 60, max: 60 } }
    const goals = evaluateGoals(sets({ home: capped }))
    const scale = goals.find((g) => g.goal.startsWith('Scale: start page p95 (50 conn.)'))
    expect(scale?.pass).toBe(false)
    expect(scale?.measured).toContain('not comparable')
  })

  it('fails the error goal on any error, and leaves it open after a run shorter than 60 s', () => {
    const failing = evaluateGoals(sets({ home: { non2xx: 41, durationS: 10 } }))
    expect(verdict(failing, '… 0 errors for 60 s')).toBe(false)
    const short = evaluateGoals(sets({ home: { durationS: 10 } }))
    expect(verdict(short, '… 0 errors for 60 s')).toBeNull()
    expect(short.find((g) => g.goal.includes('0 errors'))?.measured).toContain('--home-duration=60')
  })

  it('fails a row without a single answer instead of calling it error-free', () => {
    const silent = {
      responses: 0,
      reqPerSec: 0,
      latency: { p50: NaN, p95: NaN, p99: NaN, max: NaN },
    }
    const goals = evaluateGoals(sets({ home: silent }))
    expect(verdict(goals, 'Start page, 50 conn., school year')).toBe(false)
    expect(verdict(goals, '… p95 ≤ 100 ms')).toBe(false)
    expect(verdict(goals, '… 0 errors for 60 s')).toBe(false)
    expect(goals.find((g) => g.goal.includes('0 errors'))?.measured).toContain('no answer')
  })

  it('says "not measured" for goals whose dataset was not run', () => {
    const goals = evaluateGoals(sets().slice(0, 1))
    expect(goals.filter((g) => g.pass === null).length).toBeGreaterThanOrEqual(4)
    expect(goalsBlock(goals)).toContain('n/a')
  })
})
