/**
 * `pnpm bench:absences` (issue #13): 08:10 on a Monday, everyone reports at once. Against the
 * production builds on loopback and the school-year dataset (the embedded SQLite database, a year
 * of absence history in it), with the school's clock set to that Monday (TEST_CLOCK_FILE: the
 * rules check the clock, not the machine's date, so the bench runs any day):
 *
 * 1. 200 parents sign in through /inloggen (08:00).
 * 2. Baseline: 200 concurrent GETs of the plain login page (no CMS behind it).
 * 3. 200 concurrent sick reports for 200 distinct pupils, form posts to
 *    /absentie?_action=reportAbsence as a browser sends them; each parent then opens the page the
 *    portal redirects to, as the browser does.
 * 4. The same 200 pupils again, concurrently, by their other guardian where there is one.
 * 5. Checks, as the director through the CMS's REST API: exactly 200 stored for the day, none
 *    twice; every duplicate refused with a link to the stored report; one confirmation email per
 *    report at the run's Resend-compatible stub.
 *
 * It prints p50/p95/max per wave side by side with the baseline, the count and the checks, and
 * exits 1 when a check fails. It measures; no check is on time.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

import { ensureDataset } from '../lib/dataset'
import { cmsEnv, ensureBuilds, loadAverage, machineLines, portalEnv, urlsOf } from '../lib/env'
import { loginParent } from '../lib/login'
import { runBench, type Server, startServer, waitForHttp } from '../lib/servers'
import { ratio } from '../lib/stats'
import { type Answer, type Check, evaluateRun, type StoredAbsence, summarizeWave } from './outcome'

const repoRoot = path.resolve(import.meta.dirname, '../../..')
// Loopback only, apart from dev (3000/4321), e2e (3100/4400/3199) and bench:portal (3310/4510).
const PORTS = { cms: 3320, portal: 4520 }
const MAIL_PORT = 3329
const URLS = urlsOf(PORTS)
const MAIL_URL = `http://127.0.0.1:${MAIL_PORT}`
/** Sign-ins at a time: each costs the CMS a password hash; the waves are what is measured. */
const LOGIN_CONCURRENCY = 4
const REQUEST_TIMEOUT_MS = 60_000
const EMAIL_WAIT_MS = 180_000

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '–')

/** One request as a browser sends it, never following redirects; a timeout is an answer too. */
async function send(
  url: string,
  init: { method?: 'GET' | 'POST'; cookie?: string; form?: Record<string, string> } = {},
): Promise<Answer> {
  const started = performance.now()
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
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
      cookies: res.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!),
      body,
      ms: performance.now() - started,
      error: null,
    }
  } catch (error) {
    return {
      status: 0,
      location: null,
      cookies: [],
      body: '',
      ms: performance.now() - started,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    }
  }
}

/** Runs `task` over `items`, `width` at a time, keeping the order. */
async function inBatches<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await task(items[index]!)
      }
    }),
  )
  return results
}

function setClock(file: string, iso: string) {
  writeFileSync(file, JSON.stringify({ at: iso, setAt: Date.now() }))
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

async function storedFor(day: string, token: string): Promise<StoredAbsence[]> {
  const query = new URLSearchParams({
    'where[date][equals]': day,
    depth: '0',
    limit: '1000',
  })
  const res = await fetch(`${URLS.cms}/api/absences?${query}`, {
    headers: { Authorization: `JWT ${token}` },
  })
  if (res.status !== 200) throw new Error(`reading the day's absences failed: ${res.status}`)
  const body = (await res.json()) as { docs: StoredAbsence[]; totalDocs: number }
  if (body.totalDocs !== body.docs.length) throw new Error('more absences than one page')
  return body.docs.map(({ id, pupil, status, channel }) => ({ id, pupil, status, channel }))
}

type Message = { to: string[]; subject: string }

/** Confirmations per address, once `expected` arrived or the wait is over. */
async function confirmations(addresses: ReadonlySet<string>, expected: number) {
  const started = Date.now()
  let counts = new Map<string, number>()
  while (Date.now() - started < EMAIL_WAIT_MS) {
    const messages = (await (await fetch(`${MAIL_URL}/messages`)).json()) as Message[]
    counts = new Map()
    for (const message of messages) {
      if (!message.subject.startsWith('Ontvangen: ')) continue
      for (const to of message.to) {
        if (addresses.has(to)) counts.set(to, (counts.get(to) ?? 0) + 1)
      }
    }
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0)
    if (total >= expected) break
    await delay(1000)
  }
  return { counts, seconds: (Date.now() - started) / 1000 }
}

async function main(): Promise<void> {
  const startLoad = loadAverage()
  const title = `pnpm bench:absences — ${new Date().toISOString()}`
  console.log([title, ...machineLines(repoRoot, startLoad)].join('\n'))
  await ensureBuilds(repoRoot)
  const dataset = await ensureDataset(repoRoot, 'year')
  const bench = dataset.manifest.absences
  if (!bench) throw new Error('the year dataset has no absences section: rebuild it')

  const runDir = mkdtempSync(path.join(os.tmpdir(), 'schoolpost-bench-absences-'))
  const servers: Server[] = []
  try {
    const db = path.join(runDir, 'cms.db')
    copyFileSync(dataset.db, db)
    const clockFile = path.join(runDir, 'clock.json')
    setClock(clockFile, bench.openAt)
    const clock = { TEST_CLOCK_FILE: clockFile }
    console.log(`\nstarting the CMS, the portal and the mail stub (logs in ${runDir}) …`)
    const mail = startServer({
      name: 'mail stub',
      command: process.execPath,
      args: [path.join(repoRoot, 'e2e/support/mail-stub-server.ts')],
      cwd: repoRoot,
      env: { ...process.env, MAIL_STUB_PORT: String(MAIL_PORT) },
      logFile: path.join(runDir, 'mail.log'),
    })
    servers.push(mail)
    const cms = startServer({
      name: 'CMS',
      command: 'pnpm',
      args: ['--filter', '@schoolpost/cms', 'start', '-H', '127.0.0.1'],
      cwd: repoRoot,
      env: cmsEnv({
        db,
        mediaDir: dataset.mediaDir,
        ports: PORTS,
        resendBaseUrl: MAIL_URL,
        extra: clock,
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
    await waitForHttp(mail, `${MAIL_URL}/messages`, { timeoutMs: 30_000 })
    await waitForHttp(cms, `${URLS.cms}/api/parents/me`, { timeoutMs: 240_000 })
    await waitForHttp(portal, `${URLS.portal}/inloggen`, {
      timeoutMs: 120_000,
      ready: (s) => s === 200,
    })

    const people = [...new Set([...bench.reporters, ...bench.duplicates].map((p) => p.email))]
    console.log(`signing in ${people.length} parents (${LOGIN_CONCURRENCY} at a time) …`)
    const cookies = new Map<string, string>()
    await inBatches(people, LOGIN_CONCURRENCY, async (email) => {
      cookies.set(email, await loginParent(URLS.portal, email, bench.password))
    })
    // Warm: the servers have been up since the morning on a real Monday.
    const someone = cookies.get(bench.reporters[0]!.email)!
    for (let i = 0; i < 5; i++) {
      await send(`${URLS.portal}/absentie`, { cookie: someone })
      await send(`${URLS.portal}/inloggen`)
    }

    const baseline = await Promise.all(bench.reporters.map(() => send(`${URLS.portal}/inloggen`)))

    setClock(clockFile, bench.reportAt)
    // Every field of the form, as a browser posts it for a sick child (the rest left empty).
    const reportForm = (pupil: string) => ({
      pupil,
      kind: 'sick',
      date: bench.day,
      reason: '',
      fromTime: '',
      toTime: '',
      note: '',
    })
    const action = `${URLS.portal}/absentie?_action=reportAbsence`
    const journeys = await Promise.all(
      bench.reporters.map(async (reporter) => {
        const report = await send(action, {
          method: 'POST',
          cookie: cookies.get(reporter.email)!,
          form: reportForm(reporter.pupil),
        })
        // As a browser: the page it is sent to, with the cookies the answer set.
        const page =
          report.status === 303 && report.location
            ? await send(new URL(report.location, URLS.portal).href, {
                cookie: [cookies.get(reporter.email)!, ...report.cookies].join('; '),
              })
            : null
        return { report, page, total: report.ms + (page?.ms ?? 0) }
      }),
    )
    const reports = journeys.map((j) => j.report)
    const duplicates = await Promise.all(
      bench.duplicates.map((duplicate) =>
        send(action, {
          method: 'POST',
          cookie: cookies.get(duplicate.email)!,
          form: reportForm(duplicate.pupil),
        }),
      ),
    )

    const token = await directorToken(bench.director.email, bench.director.password)
    const stored = await storedFor(bench.day, token)
    console.log('waiting for the confirmation emails …')
    const emails = await confirmations(
      new Set(bench.reporters.map((r) => r.email)),
      bench.reporters.length,
    )
    const checks = evaluateRun({
      pupils: bench.reporters.map((r) => r.pupil),
      reports,
      duplicates,
      stored,
      confirmations: emails.counts,
    })

    const base = summarizeWave(baseline)
    const rows = [
      { label: `baseline: ${baseline.length} × GET /inloggen (no CMS)`, wave: base },
      { label: `${reports.length} sick reports (POST → 303)`, wave: summarizeWave(reports) },
      {
        label: `${reports.length} × report + the page after it`,
        wave: {
          ...summarizeWave(journeys.map((j) => j.page ?? j.report)),
          latency: summarizeWave(journeys.map((j) => ({ ...j.report, ms: j.total }))).latency,
        },
      },
      { label: `${duplicates.length} duplicates (→ 409)`, wave: summarizeWave(duplicates) },
    ]
    console.log(`\n${title}`)
    console.log(machineLines(repoRoot, startLoad).join('\n'))
    console.log(
      `dataset: ${JSON.stringify(dataset.manifest.counts)}; absence history ` +
        `${bench.history.absences} reports, ${bench.history.leaveRequests} leave requests`,
    )
    console.log(
      `school clock: ${bench.reportAt} (Monday ${bench.day}, 08:10 in Amsterdam); all requests of a wave at once\n`,
    )
    const pad = (text: string, width: number) => text.padEnd(width)
    const padLeft = (text: string, width: number) => text.padStart(width)
    console.log(
      `${pad('wave', 46)}${padLeft('p50', 9)}${padLeft('p95', 9)}${padLeft('max', 9)}${padLeft('p95 ×base', 11)}  answers`,
    )
    for (const { label, wave } of rows) {
      console.log(
        `${pad(label, 46)}${padLeft(ms(wave.latency.p50), 9)}${padLeft(ms(wave.latency.p95), 9)}` +
          `${padLeft(ms(wave.latency.max), 9)}${padLeft(`${ratio(wave.latency.p95, base.latency.p95).toFixed(1)}×`, 11)}` +
          `  ${JSON.stringify(wave.statuses)}`,
      )
    }
    console.log(
      `\nstored for ${bench.day}: ${stored.length} (${new Set(stored.map((s) => s.pupil)).size} pupils); ` +
        `confirmation emails: ${[...emails.counts.values()].reduce((a, b) => a + b, 0)} after ${emails.seconds.toFixed(0)} s`,
    )
    const pages = journeys.map((j) => j.page)
    const degraded = pages.filter(
      (p) => p?.status === 200 && p.body.includes('Het overzicht kan nu even niet worden geladen'),
    ).length
    const full = pages.filter(
      (p) =>
        p?.status === 200 &&
        p.body.includes('Je melding is verstuurd') &&
        !p.body.includes('Het overzicht kan nu even niet worden geladen'),
    ).length
    console.log(
      `the page after a report: ${full} with the overview and the confirmation, ${degraded} with ` +
        `the confirmation only (the overview timed out), ${pages.length - full - degraded} other`,
    )
    printChecks(checks)
    const failures = [...summarizeWave(reports).failures, ...summarizeWave(duplicates).failures]
    if (failures.length) console.log(`failed answers (first 5): ${failures.slice(0, 5).join('; ')}`)
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

await runBench('bench:absences', main)
