/**
 * What `pnpm bench:portal` prints: one table of every measured row (the ratio to the row's
 * baseline in the same run, and the school year against the small school), the page weights,
 * the memory peaks and the goals of issue #11 with PASS/FAIL. Pure: results in, text out.
 */
import type { DatasetName } from './options'
import type { PageWeight } from './page-weight'
import type { LatencySummary } from '../lib/stats'
import { errorCount, ratio } from '../lib/stats'

export type RowKind = 'home' | 'conversations' | 'login-page' | 'thumbnail' | 'static'

export type RowResult = {
  set: DatasetName
  kind: RowKind
  connections: number
  durationS: number
  responses: number
  reqPerSec: number
  latency: LatencySummary
  non2xx: number
  /** 2xx answers that were not the real thing (the start page without its posts, a short file). */
  mismatches: number
  /** Socket errors and timeouts (timeouts also in `timeouts`). */
  errors: number
  timeouts: number
  /** Answers per status code. */
  statuses: Record<string, number>
  /** The servers were still working off an earlier row when this one started. */
  busyAtStart?: boolean
}

export type SetResult = {
  set: DatasetName
  counts: Record<string, number>
  rows: RowResult[]
  /** Peak summed RSS of the app processes during the whole run of this dataset, in kB. */
  rssPeakKb: { cms: number; portal: number }
  pages: PageWeight[]
}

export const SET_LABEL: Record<DatasetName, string> = {
  small: 'demo school',
  year: 'school year',
}

const KIND_LABEL: Record<RowKind, string> = {
  home: 'Start page `/`',
  conversations: '`/gesprekken` (list, unread counts)',
  'login-page': '`/inloggen` (Astro, no data) — baseline',
  thumbnail: 'Thumbnail via `/bestanden/…`',
  static: 'Same file, plain Node static server — baseline',
}

/** The row a row is compared with in the same run (its kind's baseline at 50 connections). */
const BASELINE_OF: Partial<Record<RowKind, RowKind>> = {
  home: 'login-page',
  conversations: 'login-page',
  thumbnail: 'static',
}

export const KB = 1024
export const MB = 1024 * 1024

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–'
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`
  if (ms >= 10) return `${Math.round(ms)} ms`
  return `${ms.toFixed(1)} ms`
}

export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '–'
  if (perSecond >= 10) return Math.round(perSecond).toLocaleString('en-US')
  return perSecond.toFixed(1)
}

export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '–'
  return `${value >= 10 ? value.toFixed(0) : value >= 0.1 ? value.toFixed(2) : value.toFixed(3)}×`
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–'
  if (bytes >= MB) return `${(bytes / MB).toFixed(0)} MB`
  if (bytes >= KB) return `${(bytes / KB).toFixed(1)} KB`
  return `${bytes} B`
}

/** A Markdown table with padded columns (readable in a terminal, pasteable into an issue). */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[] = [],
): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, 3, ...rows.map((row) => (row[i] ?? '').length)),
  )
  const cell = (value: string, i: number) =>
    align[i] === 'right' ? value.padStart(widths[i]!) : value.padEnd(widths[i]!)
  const line = (cells: readonly string[]) =>
    `| ${widths.map((_, i) => cell(cells[i] ?? '', i)).join(' | ')} |`
  const rule = `| ${widths
    .map((width, i) => (align[i] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)))
    .join(' | ')} |`
  return [line(headers), rule, ...rows.map(line)].join('\n')
}

function findRow(
  sets: readonly SetResult[],
  set: DatasetName,
  kind: RowKind,
  connections: number,
): RowResult | undefined {
  return sets
    .find((s) => s.set === set)
    ?.rows.find((r) => r.kind === kind && r.connections === connections)
}

export function baselineRatio(sets: readonly SetResult[], row: RowResult): number {
  const baselineKind = BASELINE_OF[row.kind]
  if (!baselineKind) return Number.NaN
  return ratio(row.reqPerSec, findRow(sets, row.set, baselineKind, 50)?.reqPerSec)
}

/** p95 of the school year against the same row with the demo school. */
export function scaleRatio(sets: readonly SetResult[], row: RowResult): number {
  if (row.set !== 'year') return Number.NaN
  return ratio(row.latency.p95, findRow(sets, 'small', row.kind, row.connections)?.latency.p95)
}

export function resultsTable(sets: readonly SetResult[]): string {
  const headers = [
    'Dataset',
    'Request (logged-in parent)',
    'Conn.',
    'Time',
    'req/s',
    'p50',
    'p95',
    'p99',
    'Errors',
    '× baseline (req/s)',
    'p95 × demo',
  ]
  const rows = sets.flatMap((s) =>
    s.rows.map((row) => [
      SET_LABEL[row.set],
      KIND_LABEL[row.kind],
      String(row.connections),
      `${row.durationS} s${row.busyAtStart ? '*' : ''}`,
      formatRate(row.reqPerSec),
      formatMs(row.latency.p50),
      formatMs(row.latency.p95),
      formatMs(row.latency.p99),
      errorSummary(row),
      BASELINE_OF[row.kind] ? formatRatio(baselineRatio(sets, row)) : '(baseline)',
      formatRatio(scaleRatio(sets, row)),
    ]),
  )
  const right = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']
  return formatTable(headers, rows, right as ('left' | 'right')[])
}

export function errorSummary(row: RowResult): string {
  const total = errorCount(row)
  if (row.responses === 0) return `no answer in ${row.durationS} s`
  if (total === 0) return '0'
  const parts = [
    row.non2xx && `${row.non2xx} non-2xx`,
    row.mismatches && `${row.mismatches} wrong page`,
    row.timeouts && `${row.timeouts} timeouts`,
    row.errors - row.timeouts && `${row.errors - row.timeouts} socket`,
  ].filter(Boolean)
  return `${total} (${parts.join(', ')})`
}

export function pagesTable(sets: readonly SetResult[]): string {
  const headers = [
    'Dataset',
    'Page',
    'HTML as sent',
    'Content-Encoding',
    'Stylesheets',
    'Scripts',
    'Total',
  ]
  const rows = sets.flatMap((s) =>
    s.pages.map((page) => {
      const css = page.stylesheets.reduce((sum, a) => sum + a.bytes, 0)
      const js = page.scripts.reduce((sum, a) => sum + a.bytes, 0)
      const cssEncoded = page.stylesheets.filter((a) => a.encoding).length
      return [
        SET_LABEL[s.set],
        `\`${page.path}\` (${page.status})`,
        formatBytes(page.html.bytes),
        page.html.encoding ?? 'none',
        `${page.stylesheets.length} (${formatBytes(css)}, ${cssEncoded} compressed)`,
        `${page.scripts.length} (${formatBytes(js)})`,
        formatBytes(page.totalBytes),
      ]
    }),
  )
  return formatTable(headers, rows)
}

export type Goal = { goal: string; measured: string; pass: boolean | null }

const GOAL_HOME_RPS = 1000
const GOAL_HOME_RATIO = 0.3
const GOAL_HOME_P95_MS = 100
const GOAL_HOME_SECONDS = 60
const GOAL_FILE_RATIO = 0.5
const GOAL_FILE_P95_MS = 50
const GOAL_SCALE = 1.2
const GOAL_RSS_KB = 500 * 1024
const GOAL_PAGE_BYTES = 30 * KB
const GOAL_STYLESHEETS = 2

/** The goals of issue #11, each with what this run measured; `pass: null` is "not measured". */
export function evaluateGoals(sets: readonly SetResult[]): Goal[] {
  const goals: Goal[] = []
  const add = (goal: string, measured: string, pass: boolean | null) =>
    goals.push({ goal, measured, pass })
  const missing = (goal: string) => add(goal, 'not measured in this run', null)

  const home = findRow(sets, 'year', 'home', 50)
  const loginPage = findRow(sets, 'year', 'login-page', 50)
  if (home) {
    add(
      `Start page, 50 conn., school year: ≥ ${GOAL_HOME_RPS.toLocaleString('en-US')} req/s`,
      `${formatRate(home.reqPerSec)} req/s`,
      home.reqPerSec >= GOAL_HOME_RPS,
    )
    const r = baselineRatio(sets, home)
    add(
      `  … at the least ≥ ${GOAL_HOME_RATIO}× \`/inloggen\` in the same run`,
      `${formatRatio(r)} (${formatRate(loginPage?.reqPerSec ?? Number.NaN)} req/s there)`,
      Number.isFinite(r) ? r >= GOAL_HOME_RATIO : null,
    )
    add(
      `  … p95 ≤ ${GOAL_HOME_P95_MS} ms`,
      formatMs(home.latency.p95),
      home.latency.p95 <= GOAL_HOME_P95_MS,
    )
    const errors = errorCount(home)
    add(
      `  … 0 errors for ${GOAL_HOME_SECONDS} s`,
      (home.responses === 0 ? errorSummary(home) : `${errorSummary(home)} in ${home.durationS} s`) +
        (home.durationS < GOAL_HOME_SECONDS && errors === 0 && home.responses > 0
          ? ` (run --home-duration=${GOAL_HOME_SECONDS} to decide)`
          : ''),
      errors > 0 || home.responses === 0
        ? false
        : home.durationS >= GOAL_HOME_SECONDS
          ? true
          : null,
    )
  } else {
    missing('Start page, 50 conn., school year')
  }

  const file = findRow(sets, 'year', 'thumbnail', 50)
  if (file) {
    const r = baselineRatio(sets, file)
    add(
      `Thumbnail via the portal, 50 conn.: ≥ ${GOAL_FILE_RATIO}× the plain static server`,
      `${formatRatio(r)} (${formatRate(file.reqPerSec)} vs ${formatRate(findRow(sets, 'year', 'static', 50)?.reqPerSec ?? Number.NaN)} req/s)`,
      Number.isFinite(r) ? r >= GOAL_FILE_RATIO : null,
    )
    add(
      `  … p95 ≤ ${GOAL_FILE_P95_MS} ms`,
      formatMs(file.latency.p95),
      file.latency.p95 <= GOAL_FILE_P95_MS,
    )
  } else {
    missing('Thumbnail via the portal, 50 conn.')
  }

  // Latency scale is only comparable between answers that are the real thing: with error pages
  // in either row, p95 is the time of the portal's CMS timeout, not of the page.
  const scaled = [
    { kind: 'home', label: 'start page', connections: [1, 50] },
    { kind: 'conversations', label: '/gesprekken', connections: [10] },
    { kind: 'thumbnail', label: 'thumbnail', connections: [1, 50] },
  ] as const
  for (const { kind, label, connections: counts } of scaled) {
    for (const connections of counts) {
      const row = findRow(sets, 'year', kind, connections)
      const small = findRow(sets, 'small', kind, connections)
      const r = row ? scaleRatio(sets, row) : Number.NaN
      const name = `Scale: ${label} p95 (${connections} conn.), school year ≤ ${GOAL_SCALE}× demo school`
      if (!row || !small || !Number.isFinite(r)) {
        missing(name)
        continue
      }
      const errors = errorCount(row) + errorCount(small)
      add(
        name,
        `${formatRatio(r)} (${formatMs(row.latency.p95)} vs ${formatMs(small.latency.p95)})` +
          (errors
            ? `; not comparable: ${errorCount(row)} and ${errorCount(small)} error answers`
            : ''),
        errors === 0 && r <= GOAL_SCALE,
      )
    }
  }

  const year = sets.find((s) => s.set === 'year')
  if (year) {
    const c = year.counts
    add(
      'School year: 8 groups, 400 families, 3,000 posts, 15,000 photos',
      `${c.groups} groups, ${c.families} families (${c.parents} parents, ${c.pupils} pupils), ` +
        `${c.posts} posts, ${c.media} photos`,
      c.groups === 8 && c.families === 400 && c.posts === 3000 && c.media === 15000,
    )
  } else {
    missing('School year dataset')
  }

  if (sets.length) {
    for (const app of ['cms', 'portal'] as const) {
      const peak = Math.max(...sets.map((s) => s.rssPeakKb[app]))
      add(
        `Memory: ${app === 'cms' ? 'CMS' : 'portal'} < 500 MB RSS during the run`,
        `peak ${formatBytes(peak * 1024)} (${sets.map((s) => `${SET_LABEL[s.set]} ${formatBytes(s.rssPeakKb[app] * 1024)}`).join(', ')})`,
        peak < GOAL_RSS_KB,
      )
    }
  }

  const weighed = year ?? sets[sets.length - 1]
  for (const page of weighed?.pages ?? []) {
    add(
      `Page weight \`${page.path}\`: ≤ 30 KB HTML + CSS + JS as sent`,
      formatBytes(page.totalBytes),
      page.totalBytes <= GOAL_PAGE_BYTES,
    )
    add(
      `  … ≤ ${GOAL_STYLESHEETS} stylesheet requests`,
      String(page.stylesheets.length),
      page.stylesheets.length <= GOAL_STYLESHEETS,
    )
    add(
      '  … compressed when the client asks (gzip, br)',
      page.compressed
        ? 'yes'
        : `no (HTML: ${page.html.encoding ?? 'none'}, CSS: ${page.stylesheets.filter((a) => a.encoding).length}/${page.stylesheets.length})`,
      page.compressed,
    )
  }
  return goals
}

export function goalsBlock(goals: readonly Goal[]): string {
  const rows = goals.map((g) => [
    g.pass === null ? 'n/a' : g.pass ? 'PASS' : 'FAIL',
    g.goal,
    g.measured,
  ])
  return formatTable(['', 'Goal (issue #11)', 'Measured'], rows)
}
