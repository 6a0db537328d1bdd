/**
 * `pnpm bench:portal` (issue #11): a black-box benchmark of the parent portal at a school's real
 * size. For each dataset (the demo school, a school year: dataset.ts) it starts the production
 * builds of the CMS and the portal on loopback, logs one parent in through /inloggen and runs
 * autocannon against the start page, a thumbnail and their baselines in the same run (the plain
 * Astro page, the same file from a plain Node static server), sampling the servers' memory. It
 * prints one table, the page weights and the goals of the issue with PASS/FAIL. It measures; it
 * asserts nothing but that the pages it measures are the real ones.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type Dataset, ensureDataset } from '../lib/dataset'
import { baseEnv, cmsEnv, ensureBuilds, loadAverage, machineLines, portalEnv } from '../lib/env'
import { measure } from './load'
import { loginParent } from '../lib/login'
import { type BenchOptions, parseOptions } from './options'
import { findThumbnailPath, getRaw, pageWeight } from './page-weight'
import {
  evaluateGoals,
  goalsBlock,
  pagesTable,
  resultsTable,
  type RowResult,
  SET_LABEL,
  type SetResult,
} from './report'
import {
  runBench,
  sampleRss,
  type Server,
  startServer,
  waitForHttp,
  waitForIdle,
} from '../lib/servers'

const repoRoot = path.resolve(import.meta.dirname, '../../..')
// Loopback only, apart from dev (3000/4321) and e2e (3100/4400/3199).
const CMS_PORT = 3310
const PORTAL_PORT = 4510
const STATIC_PORT = 4610
const CMS_URL = `http://127.0.0.1:${CMS_PORT}`
const PORTAL_URL = `http://127.0.0.1:${PORTAL_PORT}`
const STATIC_URL = `http://127.0.0.1:${STATIC_PORT}`
const PORTS = { cms: CMS_PORT, portal: PORTAL_PORT }

function header(options: BenchOptions, startLoad: string): string {
  return [
    `pnpm bench:portal — ${new Date().toISOString()}`,
    ...machineLines(repoRoot, startLoad),
    `rows: ${options.duration} s each, start page at 50 connections ${options.homeDuration} s; ` +
      'latencies of every answer (errors included), p95 by nearest rank',
  ].join('\n')
}

async function sequential(url: string, headers: Record<string, string>, times: number) {
  for (let i = 0; i < times; i++) {
    const res = await fetch(url, { headers, redirect: 'manual' })
    await res.arrayBuffer()
  }
}

async function runSet(dataset: Dataset, options: BenchOptions): Promise<SetResult> {
  const label = SET_LABEL[dataset.set]
  const runDir = mkdtempSync(path.join(os.tmpdir(), `schoolpost-bench-${dataset.set}-`))
  const servers: Server[] = []
  let rss: ReturnType<typeof sampleRss> | undefined
  try {
    const db = path.join(runDir, 'cms.db')
    copyFileSync(dataset.db, db)
    console.log(
      `\n${label}: starting the CMS and the portal (logs in ${runDir}; load average ${loadAverage()}) …`,
    )
    const cms = startServer({
      name: 'CMS',
      command: 'pnpm',
      args: ['--filter', '@schoolpost/cms', 'start', '-H', '127.0.0.1'],
      cwd: repoRoot,
      env: cmsEnv({ db, mediaDir: dataset.mediaDir, ports: PORTS }),
      logFile: path.join(runDir, 'cms.log'),
    })
    servers.push(cms)
    const portal = startServer({
      name: 'portal',
      command: 'pnpm',
      args: ['--filter', '@schoolpost/portal', 'start'],
      cwd: repoRoot,
      env: portalEnv({ ports: PORTS }),
      logFile: path.join(runDir, 'portal.log'),
    })
    servers.push(portal)
    await waitForHttp(cms, `${CMS_URL}/api/parents/me`, { timeoutMs: 240_000 })
    await waitForHttp(portal, `${PORTAL_URL}/inloggen`, {
      timeoutMs: 120_000,
      ready: (s) => s === 200,
    })
    // From ready on (not the migration script `pnpm start` runs first) to the last row.
    rss = sampleRss({ cms, portal })

    const { login, expectTitle } = dataset.manifest
    const cookie = await loginParent(PORTAL_URL, login.email, login.password)
    const headers = { Cookie: cookie }

    // The start page must be the real one: the parent's posts, with their photos.
    const home = await getRaw(`${PORTAL_URL}/`, headers)
    const html = home.body.toString('utf8')
    if (home.status !== 200 || !html.includes(expectTitle)) {
      throw new Error(
        `${label}: the start page is not the parent's timeline (${home.status}, "${expectTitle}" ${html.includes(expectTitle) ? 'found' : 'missing'})`,
      )
    }
    const thumbnailPath = findThumbnailPath(html)
    if (!thumbnailPath) throw new Error(`${label}: no thumbnail on the start page`)
    const thumbnailFile = path.join(
      dataset.mediaDir,
      decodeURIComponent(thumbnailPath.split('/').pop()!),
    )
    const fileSize = statSync(thumbnailFile).size
    const file = await getRaw(`${PORTAL_URL}${thumbnailPath}`, headers)
    if (file.status !== 200 || file.body.length !== fileSize) {
      throw new Error(
        `${label}: ${thumbnailPath} answered ${file.status} with ${file.body.length} of ${fileSize} bytes`,
      )
    }
    console.log(
      `${label}: logged in as ${login.email}; start page ${html.length} B, ` +
        `thumbnail ${thumbnailPath} (${fileSize} B, ${file.headers['content-type']}, ${file.headers['cache-control']})`,
    )

    const staticServer = startServer({
      name: 'static',
      command: process.execPath,
      args: [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'static-server.ts'),
        thumbnailFile,
        String(STATIC_PORT),
      ],
      cwd: path.join(repoRoot, 'bench'),
      env: baseEnv(),
      logFile: path.join(runDir, 'static.log'),
    })
    servers.push(staticServer)
    await waitForHttp(staticServer, STATIC_URL, { timeoutMs: 30_000, ready: (s) => s === 200 })

    // Warm up: the first requests compile, fill caches and open connections.
    await sequential(`${PORTAL_URL}/`, headers, 5)
    await sequential(`${PORTAL_URL}${thumbnailPath}`, headers, 10)
    await sequential(`${PORTAL_URL}/inloggen`, {}, 20)

    await sequential(`${PORTAL_URL}/gesprekken`, headers, 5)
    const pages = [
      await pageWeight(PORTAL_URL, '/', headers),
      await pageWeight(PORTAL_URL, '/gesprekken', headers),
      await pageWeight(PORTAL_URL, '/inloggen'),
    ]

    const isRealPage = (body: string) =>
      body.includes(expectTitle) && !body.includes('Berichten niet geladen')
    const isConversationList = (body: string) =>
      body.includes('class="conversation__link"') && !body.includes('niet bereikbaar')
    // The baselines first, on idle servers; then the rows that leave work behind in them.
    const plan = [
      {
        kind: 'static',
        url: `${STATIC_URL}/file`,
        connections: 50,
        minBytes: fileSize,
        baseline: true,
      },
      { kind: 'login-page', url: `${PORTAL_URL}/inloggen`, connections: 50, anonymous: true },
      { kind: 'home', url: `${PORTAL_URL}/`, connections: 1, verifyBody: isRealPage },
      { kind: 'home', url: `${PORTAL_URL}/`, connections: 10, verifyBody: isRealPage },
      {
        kind: 'home',
        url: `${PORTAL_URL}/`,
        connections: 50,
        verifyBody: isRealPage,
        durationS: options.homeDuration,
      },
      // Never kept: every request reads the list and its unread counts from the CMS.
      {
        kind: 'conversations',
        url: `${PORTAL_URL}/gesprekken`,
        connections: 10,
        verifyBody: isConversationList,
      },
      {
        kind: 'thumbnail',
        url: `${PORTAL_URL}${thumbnailPath}`,
        connections: 1,
        minBytes: fileSize,
      },
      {
        kind: 'thumbnail',
        url: `${PORTAL_URL}${thumbnailPath}`,
        connections: 50,
        minBytes: fileSize,
      },
    ] as const
    const rows: RowResult[] = []
    for (const step of plan) {
      const idle = await waitForIdle([cms, portal])
      if (!idle.idle) {
        console.log(`  (servers still busy after ${idle.waitedMs / 1000} s; measuring anyway)`)
      }
      const row = await measure({
        set: dataset.set,
        kind: step.kind,
        url: step.url,
        connections: step.connections,
        durationS: 'durationS' in step ? step.durationS : options.duration,
        headers: 'anonymous' in step || 'baseline' in step ? {} : headers,
        verifyBody: 'verifyBody' in step ? step.verifyBody : undefined,
        minBytes: 'minBytes' in step ? step.minBytes : undefined,
      })
      rows.push({ ...row, busyAtStart: !idle.idle })
      console.log(
        `  ${step.kind} ×${step.connections}: ${row.responses} answers, ${row.reqPerSec.toFixed(1)} req/s, ` +
          `p95 ${row.latency.p95.toFixed(1)} ms, statuses ${JSON.stringify(row.statuses)}, ` +
          `errors ${row.errors} (timeouts ${row.timeouts}), wrong ${row.mismatches}`,
      )
    }
    // In the table: the page, its baseline, the file, its baseline.
    const order = ['home', 'conversations', 'login-page', 'thumbnail', 'static']
    rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    const peaks = rss.stop()
    return {
      set: dataset.set,
      counts: dataset.manifest.counts,
      rows,
      rssPeakKb: { cms: peaks.cms!, portal: peaks.portal! },
      pages,
    }
  } finally {
    rss?.stop()
    await Promise.all(servers.map((server) => server.stop()))
    rmSync(runDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env)
  const startLoad = loadAverage()
  console.log(header(options, startLoad))
  await ensureBuilds(repoRoot)
  const datasets: Dataset[] = []
  for (const set of options.sets) {
    datasets.push(await ensureDataset(repoRoot, set, { rebuild: options.rebuildDatasets }))
  }
  const results: SetResult[] = []
  for (const dataset of datasets) results.push(await runSet(dataset, options))

  console.log(`\n${header(options, startLoad)}`)
  for (const result of results) {
    const c = result.counts
    console.log(
      `dataset ${SET_LABEL[result.set]}: ${c.groups} groups, ${c.pupils} pupils, ${c.parents} parents, ` +
        `${c.posts} posts, ${c.media} photos/videos${c.families ? `, ${c.families} families` : ''}`,
    )
  }
  console.log(`\n${resultsTable(results)}`)
  console.log(
    '\nErrors: non-2xx answers (a 503 is the portal’s error page, at the latest after its 5 s CMS ' +
      'timeout), 200s that are not the real page or file, socket errors and timeouts (10 s). ' +
      '* = the servers were still working off the previous row when this one started ' +
      '(waited 30 s at most).',
  )
  console.log(`\nPage weight (Accept-Encoding: gzip, br; bytes as sent; 1 KB = 1024 B)\n`)
  console.log(pagesTable(results))
  console.log(`\n${goalsBlock(evaluateGoals(results))}`)
}

await runBench('bench:portal', main)
