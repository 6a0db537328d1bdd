/**
 * What `pnpm bench:signups` makes of the answers and of what the CMS stored: pure functions, so
 * the verdict is unit-tested apart from the load (outcome.test.ts).
 */
import { type LatencySummary, ratio, summarizeLatencies } from '../lib/stats'

/** One request as the bench saw it. `error` is a socket error or a timeout: no answer at all. */
export type Answer = {
  status: number
  location: string | null
  body: string
  ms: number
  error: string | null
}

/** The request and slot every sign-up of the run is for. */
export type Target = { request: string; slot: string; places: number }

/** What the portal shows at the slot when the CMS answered 409 `full` (no waitlist). */
export const FULL_MESSAGE = 'Dit moment is vol. Er is geen wachtlijst.'

export type Classified = { kind: 'accepted' } | { kind: 'full' } | { kind: 'failed'; why: string }

/** Where the portal sends a parent after a sign-up with a place (features/volunteering). */
export const acceptedLocation = ({ request, slot }: Pick<Target, 'request' | 'slot'>) =>
  `/hulpvragen?gelukt=aangemeld&moment=${encodeURIComponent(slot)}#hulpvraag-${request}`

const decode = (text: string) =>
  text
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()

/**
 * The visible text of the alert (the Dutch error notice) shown at one slot of /hulpvragen — in the
 * slot's `<li id="moment-<slot>">` — or '' when there is none.
 */
export function slotAlert(html: string, slot: string): string {
  const start = html.indexOf(`id="moment-${slot}"`)
  if (start < 0) return ''
  const rest = html.slice(start)
  const end = rest.indexOf('</li>')
  const item = end < 0 ? rest : rest.slice(0, end)
  const alert = item.search(/<div\b[^>]*\brole="alert"[^>]*>/)
  if (alert < 0) return ''
  return decode(item.slice(alert).replace(/<[^>]+>/g, ' '))
}

/**
 * A sign-up is accepted when the portal answers 303 to `/hulpvragen?gelukt=aangemeld&moment=<slot>`
 * (a place, not the waitlist); "vol" when it answers 409 with the no-waitlist message at the slot;
 * anything else failed: another redirect (the login page, the waitlist), another status or
 * message, no answer.
 */
export function classifyAnswer(answer: Answer, target: Target): Classified {
  if (answer.error) return { kind: 'failed', why: answer.error }
  if (answer.status === 303) {
    if (answer.location === acceptedLocation(target)) return { kind: 'accepted' }
    return { kind: 'failed', why: `303 to ${answer.location ?? '(nowhere)'}` }
  }
  const message = slotAlert(answer.body, target.slot)
  if (answer.status === 409 && message.includes(FULL_MESSAGE)) return { kind: 'full' }
  return { kind: 'failed', why: message ? `${answer.status}: ${message}` : `${answer.status}` }
}

export type WaveSummary = {
  requests: number
  statuses: Record<string, number>
  accepted: number
  full: number
  failed: number
  failures: string[]
  latency: LatencySummary
}

export function summarizeWave(answers: readonly Answer[], target: Target): WaveSummary {
  const statuses: Record<string, number> = {}
  const failures: string[] = []
  let accepted = 0
  let full = 0
  for (const answer of answers) {
    const key = answer.error ? 'error' : String(answer.status)
    statuses[key] = (statuses[key] ?? 0) + 1
    const outcome = classifyAnswer(answer, target)
    if (outcome.kind === 'accepted') accepted++
    else if (outcome.kind === 'full') full++
    else failures.push(outcome.why)
  }
  return {
    requests: answers.length,
    statuses,
    accepted,
    full,
    failed: failures.length,
    failures,
    latency: summarizeLatencies(answers.map((a) => a.ms)),
  }
}

/** A row of `volunteer-signups` as the director reads it over REST (depth 0). */
export type StoredSignup = {
  id: string
  parent: string
  slot: string
  status: string
  place: number | null
}
/** A row of `volunteer-seats` (nobody reads those over the API: the bench reads the database). */
export type StoredSeat = { key: string; signup: string }
export type Check = { name: string; ok: boolean; detail: string }

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
const sameSet = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && new Set(a).size === a.length && b.every((x) => a.includes(x))

/**
 * The verdict: exactly `places` sign-ups accepted and every other one told "vol", none failed
 * otherwise; the database holds exactly `places` sign-ups for the request, all confirmed, on
 * places 1…places, made by the parents whose answer was accepted; and exactly one seat row per
 * place, each held by one of those sign-ups.
 */
export function evaluateRun({
  target,
  answers,
  parents,
  signups,
  seats,
}: {
  target: Target
  answers: readonly Answer[]
  /** The parent (id) behind each answer, in the order of `answers`. */
  parents: readonly string[]
  /** Every sign-up the CMS holds for the request, whatever its status. */
  signups: readonly StoredSignup[]
  /** Every seat row of the request, or null when they could not be read. */
  seats: readonly StoredSeat[] | null
}): Check[] {
  const { places } = target
  const outcomes = answers.map((answer) => classifyAnswer(answer, target))
  const count = (kind: Classified['kind']) => outcomes.filter((o) => o.kind === kind).length
  const acceptedParents = parents.filter((_, i) => outcomes[i]?.kind === 'accepted')
  const confirmed = signups.filter((s) => s.status === 'confirmed' && s.slot === target.slot)
  const placesTaken = confirmed.map((s) => s.place).sort((a, b) => (a ?? 0) - (b ?? 0))
  const keys = range(places).map((n) => `${target.request}:${target.slot}:${n}`)
  const confirmedIds = confirmed.map((s) => s.id)
  return [
    {
      name: 'every sign-up answered: accepted (303) or "vol" (409)',
      ok: count('failed') === 0,
      detail: `${count('failed')} failed`,
    },
    {
      name: `exactly ${places} accepted`,
      ok: count('accepted') === places,
      detail: `${count('accepted')} accepted`,
    },
    {
      name: `the other ${answers.length - places} told "vol" (409)`,
      ok: count('full') === answers.length - places,
      detail: `${count('full')} "vol"`,
    },
    {
      name: `exactly ${places} confirmed sign-ups in the database, on places ${range(places).join(', ')}`,
      ok:
        signups.length === places &&
        confirmed.length === places &&
        placesTaken.join() === range(places).join() &&
        sameSet(
          confirmed.map((s) => s.parent),
          acceptedParents,
        ),
      detail:
        `${signups.length} sign-ups (${confirmed.length} confirmed) on places ` +
        `[${placesTaken.map((p) => p ?? '–').join(', ')}], ` +
        `${confirmed.filter((s) => acceptedParents.includes(s.parent)).length} by an accepted parent`,
    },
    {
      name: `exactly ${places} seat rows, one per place`,
      ok:
        seats !== null &&
        sameSet(
          seats.map((s) => s.key),
          keys,
        ) &&
        sameSet(
          seats.map((s) => s.signup),
          confirmedIds,
        ),
      detail:
        seats === null
          ? 'not read'
          : `${seats.length} rows, places [${seats
              .map((s) => Number(s.key.split(':').at(-1)))
              .sort((a, b) => a - b)
              .join(
                ', ',
              )}], ${seats.filter((s) => confirmedIds.includes(s.signup)).length} held by a confirmed sign-up`,
    },
  ]
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '–')
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}×` : '–')

/** The one line the issue asks for. */
export const signupLine = (accepted: number, total: number, places: number) =>
  `signups: ${accepted} of ${total} accepted for ${places} places`

/** p50/p95 of the sign-ups beside the baseline's, and their ratios. */
export function latencyLine(
  signups: { label: string; latency: LatencySummary },
  baseline: { label: string; latency: LatencySummary },
): string {
  const s = signups.latency
  const b = baseline.latency
  return (
    `p50/p95: ${signups.label} ${ms(s.p50)} / ${ms(s.p95)}; ` +
    `baseline ${baseline.label} ${ms(b.p50)} / ${ms(b.p95)}; ` +
    `ratio ${times(ratio(s.p50, b.p50))} / ${times(ratio(s.p95, b.p95))}`
  )
}
