#!/usr/bin/env node
/**
 * Mozilla's HTTP Observatory against Schoolpost behind Caddy (deploy/caddy/Caddyfile), all on
 * loopback: starts the production builds of the CMS and the portal (SCHOOLPOST_ENV=production, a
 * throw-away database), Caddy with the recipe's Caddyfile and its own local CA
 * (CADDY_TLS=internal), scans https://portal.localhost and https://cms.localhost, prints grade,
 * score and every test in one table, stops everything and exits 1 when a grade is not A+.
 *
 *   node tools/observatory/score.mjs [--keep]     (--keep: leave the temp folder with the logs)
 *
 * Needs: `caddy` (Debian: apt-get install -y caddy; its systemd service is not used), pnpm, and
 * the builds apps/cms/.next and apps/portal/dist (built here once when missing). The scanner,
 * @mdn/mdn-http-observatory, is a tool, not a dependency: it is installed on first use into
 * ~/.cache/schoolpost-observatory (OBSERVATORY_CACHE_DIR), outside the workspace and its lockfile.
 * Ports: Caddy on 127.0.0.1:8080 (http) and :8443 (https), or OBSERVATORY_HTTP_PORT /
 * OBSERVATORY_HTTPS_PORT; the apps on free loopback ports.
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

const SCANNER_PACKAGE = '@mdn/mdn-http-observatory'
const SCANNER_VERSION = '1.4.8'
const PORTAL_HOST = 'portal.localhost'
const CMS_HOST = 'cms.localhost'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '..', '..')
const caddyfile = path.join(repoRoot, 'deploy', 'caddy', 'Caddyfile')
const keep = process.argv.includes('--keep')

const running = new Set()
let tmp

process.on('SIGINT', () => void shutdown(130))
process.on('SIGTERM', () => void shutdown(143))

try {
  await main()
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}`)
  await shutdown(2)
}

async function main() {
  requireCommand('caddy', ['version'], 'Install it with: apt-get install -y caddy')
  requireCommand('pnpm', ['--version'], 'pnpm is part of the repository setup (README).')
  const caddyVersion = spawnSync('caddy', ['version'], { encoding: 'utf8' }).stdout.trim()
  const scannerDir = ensureScanner()
  await ensureBuilds()

  tmp = mkdtempSync(path.join(os.tmpdir(), 'schoolpost-observatory-'))
  const httpPort = await portOr(process.env.OBSERVATORY_HTTP_PORT, 8080)
  const httpsPort = await portOr(process.env.OBSERVATORY_HTTPS_PORT, 8443)
  const cmsPort = await freePort()
  const portalPort = await freePort()
  const suffix = httpsPort === 443 ? '' : `:${httpsPort}`
  const portalUrl = `https://${PORTAL_HOST}${suffix}`
  const cmsUrl = `https://${CMS_HOST}${suffix}`
  // Caddy and both apps on one machine: the apps see Caddy (and the portal) as 127.0.0.1 or ::1.
  const trustedProxies = '127.0.0.1,::1'
  const baseEnv = {
    ...process.env,
    SCHOOLPOST_ENV: 'production',
    CMS_URL: cmsUrl,
    PORTAL_URL: portalUrl,
    TRUSTED_PROXIES: trustedProxies,
    NEXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
  }

  console.log(`Caddy ${caddyVersion}; scanner ${SCANNER_PACKAGE}@${SCANNER_VERSION}`)
  console.log(`temp folder: ${tmp}${keep ? ' (kept)' : ''}`)
  console.log(`starting CMS (127.0.0.1:${cmsPort}) and portal (127.0.0.1:${portalPort}) …`)
  // The builds as built. The CMS as `next start` only (its `pnpm start` first runs
  // src/scripts/prepare.ts from source, which only seeds the demo school here): the build applies
  // the committed migrations itself when it opens the empty database. Both on loopback only.
  const cms = startProcess(
    'cms',
    'pnpm',
    [
      '--filter',
      '@schoolpost/cms',
      'exec',
      'next',
      'start',
      '-p',
      String(cmsPort),
      '-H',
      '127.0.0.1',
    ],
    {
      ...baseEnv,
      DATABASE_URL: `file:${path.join(tmp, 'cms.db')}`,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      MEDIA_DIR: path.join(tmp, 'media'),
      MAIL_CAPTURE_DIR: path.join(tmp, 'mail'),
      // Production requires an email service; nothing is sent during a scan, and were anything
      // sent, it would go to a closed loopback port, never out.
      RESEND_API_KEY: 're_observatory_unused',
      RESEND_BASE_URL: 'http://127.0.0.1:9',
    },
  )
  const portal = startProcess('portal', 'pnpm', ['--filter', '@schoolpost/portal', 'start'], {
    ...baseEnv,
    HOST: '127.0.0.1',
    PORT: String(portalPort),
    // Server-to-server: the portal reaches the CMS directly, not through Caddy.
    CMS_URL: `http://127.0.0.1:${cmsPort}`,
    PORTAL_SESSION_SECRET: randomBytes(32).toString('hex'),
  })
  await Promise.all([
    waitForHttp(cms, `http://127.0.0.1:${cmsPort}/api/parents/me`, 300_000),
    waitForHttp(portal, `http://127.0.0.1:${portalPort}/inloggen`, 120_000),
  ])

  console.log(`starting Caddy (127.0.0.1:${httpPort} http, 127.0.0.1:${httpsPort} https) …`)
  const dataHome = path.join(tmp, 'caddy-data')
  const caddy = startProcess(
    'caddy',
    'caddy',
    ['run', '--config', caddyfile, '--adapter', 'caddyfile'],
    {
      ...process.env,
      // Caddy keeps its local CA and certificates under $XDG_DATA_HOME/caddy: the temp folder.
      XDG_DATA_HOME: dataHome,
      XDG_CONFIG_HOME: path.join(tmp, 'caddy-config'),
      PORTAL_HOST,
      CMS_HOST,
      PORTAL_UPSTREAM: `127.0.0.1:${portalPort}`,
      CMS_UPSTREAM: `127.0.0.1:${cmsPort}`,
      CADDY_TLS: 'internal',
      HTTP_PORT: String(httpPort),
      HTTPS_PORT: String(httpsPort),
      CADDY_BIND: '127.0.0.1',
      CADDY_ADMIN: 'off',
    },
  )
  const rootCert = path.join(dataHome, 'caddy', 'pki', 'authorities', 'local', 'root.crt')
  await waitForCaddy(caddy, rootCert, [PORTAL_HOST, CMS_HOST], httpsPort)

  const results = []
  for (const [label, host] of [
    ['portal', PORTAL_HOST],
    ['CMS', CMS_HOST],
  ]) {
    console.log(`scanning ${label}: https://${host}${suffix} …`)
    const url = `https://${host}${suffix}`
    results.push({ ...runScan(scannerDir, host, httpPort, httpsPort, rootCert), label, url })
  }
  for (const result of results) printResult(result)

  const failed = results.filter((r) => r.grade !== 'A+')
  console.log(
    failed.length === 0
      ? '\nOK: every scanned host has grade A+.'
      : `\nFAILED: ${failed.map((r) => `${r.label} ${r.grade ?? r.error}`).join(', ')} (A+ required).`,
  )
  await shutdown(failed.length === 0 ? 0 : 1)
}

/** The scanner in its cache folder, installed there on first use (without its download step). */
function ensureScanner() {
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  const dir = process.env.OBSERVATORY_CACHE_DIR || path.join(cacheHome, 'schoolpost-observatory')
  const packageDir = path.join(dir, 'node_modules', ...SCANNER_PACKAGE.split('/'))
  const installed = readJson(path.join(packageDir, 'package.json'))?.version
  if (installed !== SCANNER_VERSION) {
    console.log(`installing ${SCANNER_PACKAGE}@${SCANNER_VERSION} into ${dir} …`)
    mkdirSync(dir, { recursive: true })
    // --ignore-scripts: its postinstall downloads the HSTS preload and TLD lists (see below).
    const npm = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        `${SCANNER_PACKAGE}@${SCANNER_VERSION}`,
      ],
      { stdio: 'inherit' },
    )
    if (npm.status !== 0) throw new Error(`npm install of ${SCANNER_PACKAGE} failed`)
  }
  // The scanner reads Chrome's HSTS preload list from here; an empty list is right for hosts
  // that are not on it (as *.localhost is not).
  const preload = path.join(packageDir, 'conf', 'hsts-preload.json')
  if (!existsSync(preload)) writeFileSync(preload, '{}\n')
  return dir
}

/** Builds once when missing (as `pnpm start` would); warns when older than the sources. */
async function ensureBuilds() {
  const packages = ['policies', 'http', 'ui', 'contracts'].map((p) =>
    path.join(repoRoot, 'packages', p),
  )
  const targets = [
    { name: 'CMS', filter: '@schoolpost/cms', marker: 'apps/cms/.next/BUILD_ID', app: 'apps/cms' },
    {
      name: 'portal',
      filter: '@schoolpost/portal',
      marker: 'apps/portal/dist/server/entry.mjs',
      app: 'apps/portal',
    },
  ]
  for (const target of targets) {
    const marker = path.join(repoRoot, target.marker)
    if (!existsSync(marker)) {
      console.log(
        `no ${target.name} build (${target.marker}): pnpm --filter ${target.filter} build …`,
      )
      const build = spawnSync('pnpm', ['--filter', target.filter, 'build'], {
        cwd: repoRoot,
        stdio: 'inherit',
      })
      if (build.status !== 0) throw new Error(`build of ${target.name} failed`)
    } else if (
      statSync(marker).mtimeMs < newestMtime([path.join(repoRoot, target.app), ...packages])
    ) {
      console.log(
        `note: the ${target.name} build (${target.marker}) is older than its sources; scanning it as built ` +
          `(rebuild: pnpm --filter ${target.filter} build)`,
      )
    }
  }
}

function newestMtime(roots) {
  const skipped = new Set(['node_modules', 'data', 'tests', 'test-results', 'playwright-report'])
  let newest = 0
  const walk = (entry) => {
    const stat = statSync(entry)
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) {
        if (!skipped.has(name) && !name.startsWith('.') && name !== 'dist')
          walk(path.join(entry, name))
      }
    } else if (!/\.(test|spec)\.[cm]?[jt]sx?$/.test(entry)) newest = Math.max(newest, stat.mtimeMs)
  }
  for (const root of roots) if (existsSync(root)) walk(root)
  return newest
}

function runScan(scannerDir, host, httpPort, httpsPort, rootCert) {
  const child = spawnSync(
    process.execPath,
    [path.join(here, 'scan.mjs'), scannerDir, host, String(httpPort), String(httpsPort)],
    {
      encoding: 'utf8',
      // The scan trusts Caddy's local root certificate, as a browser with it installed would.
      env: { ...process.env, NODE_EXTRA_CA_CERTS: rootCert },
      timeout: 120_000,
    },
  )
  const line = child.stdout.trim().split('\n').at(-1) ?? ''
  try {
    return JSON.parse(line)
  } catch {
    return { error: `scan of ${host} failed (${child.status}):\n${child.stdout}${child.stderr}` }
  }
}

function printResult(result) {
  console.log(`\n=== ${result.label}: ${result.url} ===`)
  if (result.error) {
    console.log(`ERROR: ${result.error}`)
    return
  }
  console.log(`http redirects: ${result.httpRedirects.join('  ->  ')}`)
  console.log(`scanned page:   ${result.finalUrl} (HTTP ${result.statusCode})`)
  const rows = [
    ['Test', 'Pass', 'Score', 'Result'],
    ...result.tests.map((t) => [
      t.name,
      t.pass ? 'yes' : 'NO',
      t.scoreModifier > 0 ? `+${t.scoreModifier}` : String(t.scoreModifier),
      t.result,
    ]),
    ['', '', '', ''],
    [
      `Grade ${result.grade}`,
      `${result.testsPassed}/${result.testsQuantity}`,
      String(result.score),
      `(scanner algorithm ${result.algorithmVersion})`,
    ],
  ]
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const line = (r) => r.map((cell, i) => cell.padEnd(widths[i])).join(' | ')
  console.log(line(rows[0]))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const row of rows.slice(1)) console.log(line(row))
  for (const t of result.tests.filter((t) => !t.pass || t.scoreModifier < 0)) {
    console.log(`  ${t.name}: ${t.description} ${t.recommendation}`.trimEnd())
  }
  const shown = [
    'strict-transport-security',
    'content-security-policy',
    'x-frame-options',
    'x-content-type-options',
    'referrer-policy',
    'permissions-policy',
    'cross-origin-opener-policy',
    'cross-origin-resource-policy',
    'cache-control',
    'set-cookie',
    'server',
  ]
  console.log('response headers of the scanned page:')
  for (const name of shown) {
    const value = result.responseHeaders[name]
    console.log(`  ${name}: ${value === undefined ? '(none)' : [value].flat().join(' || ')}`)
  }
}

function startProcess(name, command, args, env) {
  const logFile = path.join(tmp, `${name}.log`)
  const child = spawn(command, args, {
    cwd: repoRoot,
    env,
    // A process group of its own, so pnpm's shell and the node processes under it stop together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log = createWriteStream(logFile)
  const lines = []
  const note = (chunk) => {
    log.write(chunk)
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    if (lines.length > 30) lines.splice(0, lines.length - 30)
  }
  child.stdout.on('data', note)
  child.stderr.on('data', note)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const proc = {
    name,
    child,
    logFile,
    tail: () => lines.join('\n'),
    gone: () => child.exitCode !== null || child.signalCode !== null,
    stop: async () => {
      running.delete(proc)
      const signal = (sig) => {
        try {
          process.kill(-child.pid, sig)
        } catch {
          // already gone
        }
      }
      signal('SIGTERM')
      await Promise.race([exited, delay(5000)])
      signal('SIGKILL')
      await exited
      log.end()
    },
  }
  running.add(proc)
  return proc
}

async function waitForHttp(proc, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (proc.gone()) throw new Error(`${proc.name} stopped before it was ready:\n${proc.tail()}`)
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
      await res.arrayBuffer()
      if (res.status < 500) return
    } catch {
      // not listening yet
    }
    await delay(500)
  }
  throw new Error(`${proc.name} not ready at ${url} after ${timeoutMs / 1000} s:\n${proc.tail()}`)
}

/** Until Caddy has made its CA and answers both hosts over https with a certificate from it. */
async function waitForCaddy(proc, rootCert, hosts, port) {
  const deadline = Date.now() + 30_000
  let last = 'no root certificate yet'
  while (Date.now() < deadline) {
    if (proc.gone()) throw new Error(`caddy stopped:\n${proc.tail()}`)
    if (existsSync(rootCert)) {
      const ca = readFileSync(rootCert)
      const answers = await Promise.all(hosts.map((host) => httpsStatus(host, port, ca)))
      if (answers.every((a) => typeof a === 'number')) return
      last = answers.join(', ')
    }
    await delay(250)
  }
  throw new Error(`caddy not ready after 30 s (${last}):\n${proc.tail()}`)
}

function httpsStatus(host, port, ca) {
  return new Promise((resolve) => {
    const req = https.request(
      {
        host,
        port,
        path: '/',
        method: 'HEAD',
        ca,
        lookup: (_name, options, callback) =>
          options?.all
            ? callback(null, [{ address: '127.0.0.1', family: 4 }])
            : callback(null, '127.0.0.1', 4),
        timeout: 10_000,
      },
      (res) => {
        res.resume()
        resolve(res.statusCode)
      },
    )
    req.on('error', (error) => resolve(`${host}: ${error.code ?? error.message}`))
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.end()
  })
}

async function shutdown(code) {
  await Promise.all([...running].map((proc) => proc.stop()))
  if (tmp && !keep) rmSync(tmp, { recursive: true, force: true })
  process.exit(code)
}

function requireCommand(command, args, hint) {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  if (result.error || result.status !== 0) throw new Error(`\`${command}\` not found. ${hint}`)
}

async function portOr(requested, fallback) {
  const wanted = Number(requested || fallback)
  if (await isFree(wanted)) return wanted
  const port = await freePort()
  console.log(`port ${wanted} is busy: using ${port}`)
  return port
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}
