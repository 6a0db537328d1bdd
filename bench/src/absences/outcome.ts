/**
 * What `pnpm bench:absences` makes of the answers and of what the CMS stored: pure functions, so
 * the verdict is unit-tested apart from the load (outcome.test.ts).
 */
import { type LatencySummary, summarizeLatencies } from '../lib/stats'

/** One request as the bench saw it. `error` is a socket error or a timeout: no answer at all. */
export type Answer = {
  status: number
  location: string | null
  /** The `name=value` pairs of its Set-Cookie headers (a browser sends them on the next page). */
  cookies: string[]
  body: string
  ms: number
  error: string | null
}

export type Classified =
  | { kind: 'stored'; id: string }
  | { kind: 'refused'; status: number; message: string; existingId: string | null }
  | { kind: 'failed'; why: string }

const STORED_LOCATION = /^\/absentie\?gemeld=([A-Za-z0-9-]+)#melding-\1$/

/** The visible text of the page's alert (the Dutch error notice), or '' when there is none. */
export function alertText(html: string): string {
  const start = html.search(/<div\b[^>]*\brole="alert"[^>]*>/)
  if (start < 0) return ''
  // The notice is short; its end is the form that follows it (or the page's end).
  const rest = html.slice(start)
  const end = rest.search(/<form\b/)
  return (end < 0 ? rest : rest.slice(0, end))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A report is stored when the portal answers 303 to `/absentie?gemeld=<id>#melding-<id>` (the
 * redirect after a form post); refused when it answers a 4xx page with a Dutch alert (the link to
 * the existing report of that child, if any, read from it); anything else failed: a 5xx, a 4xx
 * without a message, a 2xx that stored nothing visible, no answer.
 */
export function classifyAnswer(answer: Answer): Classified {
  if (answer.error) return { kind: 'failed', why: answer.error }
  if (answer.status === 303 && answer.location) {
    const match = STORED_LOCATION.exec(answer.location)
    if (match) return { kind: 'stored', id: match[1]! }
    return { kind: 'failed', why: `303 to ${answer.location}` }
  }
  if (answer.status >= 400 && answer.status < 500) {
    const message = alertText(answer.body)
    if (!message) return { kind: 'failed', why: `${answer.status} without a message` }
    const start = answer.body.search(/\brole="alert"/)
    const existing = /href="[^"]*#melding-([A-Za-z0-9-]+)"/.exec(answer.body.slice(start))
    return { kind: 'refused', status: answer.status, message, existingId: existing?.[1] ?? null }
  }
  return { kind: 'failed', why: `${answer.status}` }
}

export type WaveSummary = {
  requests: number
  statuses: Record<string, number>
  stored: number
  refused: number
  failed: number
  failures: string[]
  latency: LatencySummary
}

export function summarizeWave(answers: readonly Answer[]): WaveSummary {
  const statuses: Record<string, number> = {}
  const failures: string[] = []
  let stored = 0
  let refused = 0
  for (const answer of answers) {
    const key = answer.error ? 'error' : String(answer.status)
    statuses[key] = (statuses[key] ?? 0) + 1
    const outcome = classifyAnswer(answer)
    if (outcome.kind === 'stored') stored++
    else if (outcome.kind === 'refused') refused++
    else failures.push(outcome.why)
  }
  return {
    requests: answers.length,
    statuses,
    stored,
    refused,
    failed: failures.length,
    failures,
    latency: summarizeLatencies(answers.map((a) => a.ms)),
  }
}

export type StoredAbsence = { id: string; pupil: string; status: string; channel: string }
export type Check = { name: string; ok: boolean; detail: string }

/**
 * The verdict: every first report stored, every second one refused with a pointer to the first,
 * exactly one active report per pupil in the database (the ones the portal named), and — when
 * counted — one confirmation email per report.
 */
export function evaluateRun({
  pupils,
  reports,
  duplicates,
  stored,
  confirmations,
}: {
  /** The pupil of each report, in the order of `reports` and `duplicates`. */
  pupils: readonly string[]
  reports: readonly Answer[]
  duplicates: readonly Answer[]
  /** Every absence the CMS holds for the day, whatever its status. */
  stored: readonly StoredAbsence[]
  /** Confirmation emails received per reporting address, or null when not counted. */
  confirmations: ReadonlyMap<string, number> | null
}): Check[] {
  const first = reports.map(classifyAnswer)
  const second = duplicates.map(classifyAnswer)
  const firstIds = first.flatMap((o) => (o.kind === 'stored' ? [o.id] : []))
  const storedById = new Map(stored.map((row) => [row.id, row]))
  const perPupil = new Map<string, number>()
  for (const row of stored) perPupil.set(row.pupil, (perPupil.get(row.pupil) ?? 0) + 1)
  const twice = [...perPupil.values()].filter((n) => n > 1).length
  const expected = new Set(pupils)
  const strangers = stored.filter((row) => !expected.has(row.pupil)).length
  const missing = pupils.filter((pupil) => !perPupil.has(pupil)).length
  const pointed = second.filter(
    (o, i) =>
      o.kind === 'refused' &&
      o.status === 409 &&
      o.existingId !== null &&
      storedById.get(o.existingId)?.pupil === pupils[i],
  ).length
  const named = firstIds.filter((id, i) => storedById.get(id)?.pupil === pupils[i]).length
  const checks: Check[] = [
    {
      name: 'every report answered: stored (303) or a clear 4xx',
      ok: first.every((o) => o.kind !== 'failed') && second.every((o) => o.kind !== 'failed'),
      detail: `${first.filter((o) => o.kind === 'failed').length + second.filter((o) => o.kind === 'failed').length} failed`,
    },
    {
      name: `all ${pupils.length} reports stored`,
      ok: firstIds.length === pupils.length && named === pupils.length,
      detail: `${firstIds.length} stored, ${named} as the report of the right pupil`,
    },
    {
      name: 'every duplicate refused (409) with a link to the stored report',
      ok: pointed === duplicates.length,
      detail: `${pointed} of ${duplicates.length}`,
    },
    {
      name: `exactly ${pupils.length} in the database, none twice`,
      ok:
        stored.length === pupils.length &&
        twice === 0 &&
        strangers === 0 &&
        missing === 0 &&
        stored.every((row) => row.status === 'reported' && row.channel === 'portal'),
      detail:
        `${stored.length} stored, ${perPupil.size} pupils, ${twice} twice, ${missing} missing, ` +
        `${strangers} of other pupils`,
    },
  ]
  if (confirmations) {
    const counts = [...confirmations.values()]
    const total = counts.reduce((sum, n) => sum + n, 0)
    checks.push({
      name: 'one confirmation email per report',
      ok: confirmations.size === pupils.length && counts.every((n) => n === 1),
      detail: `${total} emails to ${confirmations.size} parents`,
    })
  }
  return checks
}
