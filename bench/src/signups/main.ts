/**
 * `pnpm bench:signups` (issue #15): a volunteer request for one group, one slot with 3 places and
 * no waitlist, and 50 parents of that group pressing "Aanmelden" at the same instant. Against the
 * production builds on loopback and the school-year dataset (the embedded SQLite database), with
 * the school's clock set to the dataset's Monday 08:00 (TEST_CLOCK_FILE) and the slot on the day
 * after:
 *
 * 1. As the dataset's director over the CMS's REST API: the group with the most parents the
 *    dataset gave a known password, 50 of them, and the published request for that group.
 * 2. The 50 parents sign in through /inloggen (not timed).
 * 3. Baseline: 50 concurrent GETs of the plain login page (no CMS behind it).
 * 4. 50 concurrent sign-ups, form posts to /hulpvragen?_action=volunteerSignUp as a browser sends
 *    them, each timed.
 * 5. Checks: 3 answered 303 to `gelukt=aangemeld`, 47 answered 409 with "vol, geen wachtlijst",
 *    none otherwise; as the director over REST, exactly 3 sign-ups for the request, confirmed, on
 *    places 1, 2 and 3, by the accepted parents; and exactly 3 seat rows. The seats are internal
 *    (no access over the API for anyone), so those are read from the run's copy of the database.
 *
 * It prints `signups: N of 50 accepted for 3 places`, p50/p95 beside the baseline and the checks,
 * and exits 1 when a check fails. It measures; no check is on time.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ensureDataset } from '../lib/dataset'
import { cmsEnv, ensureBuilds, loadAverage, machineLines, portalEnv, urlsOf } from '../lib/env'
import { loginParent } from '../lib/login'
import { runBench, type Server, startServer, waitForHttp } from '../lib/servers'
import {
  type Answer,
  type Check,
  evaluateRun,
  latencyLine,
  signupLine,
  type StoredSeat,
  type StoredSignup,
  summarizeWave,
  type Target,
} from './outcome'

const repoRoot = path.resolve(import.meta.dirname, '../../..')
// Loopback only, apart from dev (3000/4321), e2e (3100/4400/3199), bench:portal (3310/4510) and
// bench:absences (3320/4520/3329).
const PORTS = { cms: 3340, portal: 4540 }
const URLS = urlsOf(PORTS)
const PARENTS = 50
const PLACES = 3
/** Sign-ins at a time: each costs the CMS a password hash; the sign-ups are what is measured. */
const LOGIN_CONCURRENCY = 4
const REQUEST_TIMEOUT_MS = 60_000

/** One request as a browser sends it, never following redirects; a timeout is an answer too. */
async function send(
  url: string,
  init: { cookie?: string; form?: Record<string, string> } = {},
): Promise<Answer> {
  const started = performance.now()
  try {
    const res = await fetch(url, {
      method: init.form ? 'POST' : 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      headers: {
        ...(init.cookie ? { Cookie: init.cookie } : {}),
        ...(init.form
          ? { Origin: URLS.portal, 'Content-Type': 'application/x-www-form-urlencoded' }
          : {}),
      },
      body: init.form ? new URLSearchParams(init.form) : undefined,
    })
    const body = await res.text()
    return {
      status: res.status,
      location: res.headers.get('location'),
      body,
      ms: performance.now() - started,
      error: null,
    }
  } catch (error) {
    return {
      status: 0,
      location: null,
      body: '',
      ms: performance.now() - started,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    }
  }
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]!)
    }),
  )
}

/** The calendar day after `date` (YYYY-MM-DD). */
const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** The CMS's REST API as the director. */
function cmsAs(token: string) {
  const call = async <T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${URLS.cms}/api/${route}`, {
      method,
      headers: {
        Authorization: `JWT ${token}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    if (res.status >= 300)
      throw new Error(`${method} /api/${route}: ${res.status} ${text.slice(0, 300)}`)
    return JSON.parse(text) as T
  }
  /** Every document of a query, checked to fit one page. */
  const all = async <T>(collection: string, query: Record<string, string> = {}) => {
    const params = new URLSearchParams({ depth: '0', limit: '5000', ...query })
    const page = await call<{ docs: T[]; totalDocs: number }>('GET', `${collection}?${params}`)
    if (page.totalDocs !== page.docs.length) throw new Error(`more ${collection} than one page`)
    return page.docs
  }
  return { call, all }
}

async function directorToken(email: string, password: string): Promise<string> {
  const res = await fetch(`${URLS.cms}/api/staff/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await res.json()) as { token?: string }
  if (res.status !== 200 || !body.token) throw new Error(`director login failed: ${res.status}`)
  return body.token
}

type Parent = { id: string; email: string }

/**
 * The group with the most parents whose password the dataset set (the absences bench's guardians),
 * and the first `count` of them by email.
 */
async function pickAudience(
  cms: ReturnType<typeof cmsAs>,
  known: ReadonlySet<string>,
  count: number,
): Promise<{ group: { id: string; name: string }; parents: Parent[] }> {
  const [groups, pupils, parents] = await Promise.all([
    cms.all<{ id: string; name: string }>('groups'),
    cms.all<{ id: string; group: string | null }>('pupils'),
    cms.all<{ id: string; email: string; children?: string[] | null }>('parents'),
  ])
  const groupOf = new Map(pupils.map((p) => [p.id, p.group]))
  const perGroup = new Map<string, Parent[]>()
  for (const parent of parents) {
    if (!known.has(parent.email)) continue
    const ofParent = new Set((parent.children ?? []).map((child) => groupOf.get(child)))
    for (const group of ofParent) {
      if (!group) continue
      perGroup.set(group, [...(perGroup.get(group) ?? []), { id: parent.id, email: parent.email }])
    }
  }
  const [groupId, members] = [...perGroup].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  )[0] ?? ['', []]
  if (members.length < count) {
    throw new Error(
      `no group with ${count} parents of a known password (at most ${members.length})`,
    )
  }
  const group = groups.find((g) => g.id === groupId)!
  return {
    group,
    parents: members.sort((a, b) => a.email.localeCompare(b.email)).slice(0, count),
  }
}

/**
 * The seat rows of the request, read from the run's copy of the database (WAL, the CMS still
 * running): the collection has no read access for anyone, by design. `null` when unreadable.
 */
async function seatsOf(db: string, request: string): Promise<StoredSeat[] | null> {
  try {
    const { DatabaseSync } = await import('node:sqlite')
    const sqlite = new DatabaseSync(db, { readOnly: true })
    try {
      return sqlite
        .prepare('SELECT key, signup_id AS signup FROM volunteer_seats WHERE request_id = ?')
        .all(request) as StoredSeat[]
    } finally {
      sqlite.close()
    }
  } catch (error) {
    console.log(`reading the seats failed: ${error instanceof Error ? error.message : error}`)
    return null
  }
}

async function main(): Promise<void> {
  const startLoad = loadAverage()
  const title = `pnpm bench:signups — ${new Date().toISOString()}`
  console.log([title, ...machineLines(repoRoot, startLoad)].join('\n'))
  await ensureBuilds(repoRoot)
  const dataset = await ensureDataset(repoRoot, 'year')
  const year = dataset.manifest.absences
  if (!year) throw new Error('the year dataset has no absences section: rebuild it')

  const runDir = mkdtempSync(path.join(os.tmpdir(), 'schoolpost-bench-signups-'))
  const servers: Server[] = []
  try {
    const db = path.join(runDir, 'cms.db')
    copyFileSync(dataset.db, db)
    const clockFile = path.join(runDir, 'clock.json')
    writeFileSync(clockFile, JSON.stringify({ at: year.openAt, setAt: Date.now() }))
    const clock = { TEST_CLOCK_FILE: clockFile }
    console.log(`\nstarting the CMS and the portal (logs in ${runDir}) …`)
    const cms = startServer({
      name: 'CMS',
      command: 'pnpm',
      args: ['--filter', '@schoolpost/cms', 'start', '-H', '127.0.0.1'],
      cwd: repoRoot,
      env: cmsEnv({
        db,
        mediaDir: dataset.mediaDir,
        ports: PORTS,
        extra: { ...clock, CMS_RATE_LIMIT_SIGNUP: '1000000/60' },
      }),
      logFile: path.join(runDir, 'cms.log'),
    })
    servers.push(cms)
    const portal = startServer({
      name: 'portal',
      command: 'pnpm',
      args: ['--filter', '@schoolpost/portal', 'start'],
      cwd: repoRoot,
      env: portalEnv({ ports: PORTS, extra: clock }),
      logFile: path.join(runDir, 'portal.log'),
    })
    servers.push(portal)
    await waitForHttp(cms, `${URLS.cms}/api/parents/me`, { timeoutMs: 240_000 })
    await waitForHttp(portal, `${URLS.portal}/inloggen`, {
      timeoutMs: 120_000,
      ready: (s) => s === 200,
    })

    const director = cmsAs(await directorToken(year.director.email, year.director.password))
    const known = new Set([...year.reporters, ...year.duplicates].map((p) => p.email))
    const { group, parents } = await pickAudience(director, known, PARENTS)
    const slotDate = dayAfter(year.day)
    const created = await director.call<{ doc: { id: string; slots: { id: string }[] } }>(
      'POST',
      'volunteer-requests',
      {
        title: 'Begeleiders gezocht voor het schoolreisje',
        description: 'Wie rijdt mee naar de kinderboerderij? Drie ouders, geen wachtlijst.',
        audience: 'groups',
        groups: [group.id],
        slots: [{ label: 'Heenreis', date: slotDate, from: '08:30', to: '10:00', places: PLACES }],
        waitlist: false,
        status: 'published',
      },
    )
    const target: Target = {
      request: created.doc.id,
      slot: created.doc.slots[0]!.id,
      places: PLACES,
    }
    console.log(
      `request ${target.request} for ${group.name}: ${slotDate} 08:30–10:00, ${PLACES} places, no waitlist`,
    )

    console.log(
      `signing in ${parents.length} parents of ${group.name} (${LOGIN_CONCURRENCY} at a time) …`,
    )
    const cookies = new Map<string, string>()
    await inBatches(parents, LOGIN_CONCURRENCY, async (parent) => {
      cookies.set(parent.id, await loginParent(URLS.portal, parent.email, year.password))
    })
    // Warm: the servers have been up for a while when the request goes out; every parent has the
    // page open (the one the form is on) before pressing the button.
    for (let i = 0; i < 5; i++) await send(`${URLS.portal}/inloggen`)
    const pages = await Promise.all(
      parents.map((p) => send(`${URLS.portal}/hulpvragen`, { cookie: cookies.get(p.id)! })),
    )
    const withForm = pages.filter(
      (page) => page.status === 200 && page.body.includes('_action=volunteerSignUp'),
    ).length
    console.log(`/hulpvragen shows the sign-up form to ${withForm} of ${parents.length} parents`)

    const baseline = await Promise.all(parents.map(() => send(`${URLS.portal}/inloggen`)))
    const action = `${URLS.portal}/hulpvragen?_action=volunteerSignUp`
    const answers = await Promise.all(
      parents.map((parent) =>
        send(action, {
          cookie: cookies.get(parent.id)!,
          form: { request: target.request, slot: target.slot, comes: '' },
        }),
      ),
    )

    const signups = (
      await director.all<StoredSignup>('volunteer-signups', {
        'where[request][equals]': target.request,
      })
    ).map(({ id, parent, slot, status, place }) => ({
      id,
      parent,
      slot,
      status,
      place: place ?? null,
    }))
    const seats = await seatsOf(db, target.request)
    const checks = evaluateRun({
      target,
      answers,
      parents: parents.map((p) => p.id),
      signups,
      seats,
    })

    const wave = summarizeWave(answers, target)
    const base = summarizeWave(baseline, target)
    console.log(`\n${title}`)
    console.log(machineLines(repoRoot, startLoad).join('\n'))
    console.log(`dataset: ${JSON.stringify(dataset.manifest.counts)}`)
    console.log(
      `school clock: ${year.openAt}; one request for ${group.name}, one slot on ${slotDate}, ` +
        `${PLACES} places, no waitlist; all requests of a wave at once\n`,
    )
    console.log(signupLine(wave.accepted, answers.length, PLACES))
    console.log(
      latencyLine(
        { label: `${answers.length} sign-ups (POST)`, latency: wave.latency },
        { label: `${baseline.length} × GET /inloggen`, latency: base.latency },
      ),
    )
    console.log(
      `answers: sign-ups ${JSON.stringify(wave.statuses)} (${wave.full} "vol"), ` +
        `baseline ${JSON.stringify(base.statuses)}; max ${Math.round(wave.latency.max)} ms`,
    )
    printChecks(checks)
    if (wave.failures.length) {
      console.log(`failed answers (first 5): ${wave.failures.slice(0, 5).join('; ')}`)
    }
    if (checks.some((c) => !c.ok)) process.exitCode = 1
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
    if (process.exitCode) console.log(`(logs kept in ${runDir})`)
    else rmSync(runDir, { recursive: true, force: true })
  }
}

function printChecks(checks: readonly Check[]) {
  console.log('')
  for (const check of checks) {
    console.log(`${check.ok ? 'PASS' : 'FAIL'}  ${check.name} — ${check.detail}`)
  }
}

await runBench('bench:signups', main)
