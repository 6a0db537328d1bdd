/**
 * The environments the benches start the production builds with: ours without anything that
 * would point them elsewhere, every rate limit of the apps opened (every request of a run comes
 * from 127.0.0.1), and the builds made when they are older than their sources.
 */
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

import { build, buildTargets, isStale } from './builds'

export const BENCH_SECRET = 'schoolpost-bench-secret-not-for-production-0123456789'
const NO_LIMIT = '1000000/60'

/** The environment of the children: ours without anything that would point them elsewhere. */
export function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of Object.keys(env)) {
    if (
      /^(DATABASE_URL|MEDIA_DIR|CMS_|PORTAL_|SEED_DEMO|RESEND_|PAYLOAD_SECRET|RATE_LIMIT_|PORT$|HOST$|NODE_ENV$|SCHOOLPOST_ENV$|TRUSTED_PROXIES$|MAIL_CAPTURE_DIR$|TEST_CLOCK_FILE$)/.test(
        name,
      )
    ) {
      delete env[name]
    }
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' }
}

export type Ports = { cms: number; portal: number }
export const urlsOf = (ports: Ports) => ({
  cms: `http://127.0.0.1:${ports.cms}`,
  portal: `http://127.0.0.1:${ports.portal}`,
})

export function cmsEnv(options: {
  db: string
  mediaDir: string
  ports: Ports
  /** The email provider: a closed loopback port unless a stub is given. */
  resendBaseUrl?: string
  extra?: NodeJS.ProcessEnv
}): NodeJS.ProcessEnv {
  const urls = urlsOf(options.ports)
  return {
    ...baseEnv(),
    DATABASE_URL: `file:${options.db}`,
    MEDIA_DIR: options.mediaDir,
    CMS_PORT: String(options.ports.cms),
    CMS_URL: urls.cms,
    PORTAL_URL: urls.portal,
    SEED_DEMO: 'false',
    PAYLOAD_SECRET: BENCH_SECRET,
    RESEND_API_KEY: 're_bench_stub',
    // Without a stub, should the outbox try to send, it meets a closed loopback port.
    RESEND_BASE_URL: options.resendBaseUrl ?? 'http://127.0.0.1:9',
    CMS_RATE_LIMIT_LOGIN_IP: NO_LIMIT,
    CMS_RATE_LIMIT_LOGIN_ACCOUNT_IP: NO_LIMIT,
    CMS_RATE_LIMIT_FORGOT_IP: NO_LIMIT,
    CMS_RATE_LIMIT_FORGOT_ADDRESS: NO_LIMIT,
    CMS_RATE_LIMIT_TOKEN_IP: NO_LIMIT,
    CMS_RATE_LIMIT_CHANGE_PASSWORD: NO_LIMIT,
    CMS_RATE_LIMIT_REPORT: NO_LIMIT,
    CMS_RATE_LIMIT_ABSENCE: NO_LIMIT,
    ...options.extra,
  }
}

export function portalEnv(options: { ports: Ports; extra?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv {
  const urls = urlsOf(options.ports)
  return {
    ...baseEnv(),
    PORT: String(options.ports.portal),
    HOST: '127.0.0.1',
    CMS_URL: urls.cms,
    PORTAL_URL: urls.portal,
    PORTAL_SESSION_SECRET: BENCH_SECRET,
    RATE_LIMIT_LOGIN: NO_LIMIT,
    RATE_LIMIT_PASSWORD_RESET: NO_LIMIT,
    RATE_LIMIT_TOKEN: NO_LIMIT,
    RATE_LIMIT_REPORT: NO_LIMIT,
    ...options.extra,
  }
}

export function git(repoRoot: string, ...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim()
  } catch {
    return '?'
  }
}

/** The 1-minute load average: other work on the machine shows here. */
export const loadAverage = () => os.loadavg()[0]!.toFixed(2)

/** One line on the machine and one on the code: what a reader needs to compare two runs. */
export function machineLines(repoRoot: string, startLoad: string): string[] {
  const cpus = os.cpus()
  const dirty = git(repoRoot, 'status', '--porcelain', '--', 'apps', 'packages')
    ? ' + uncommitted changes'
    : ''
  return [
    `machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? '?'}), ` +
      `${Math.round(os.totalmem() / 1024 ** 3)} GB, node ${process.version}; ` +
      `CMS, portal and the load share these cores (loopback); load average at start ${startLoad}`,
    `code: ${git(repoRoot, 'rev-parse', '--short', 'HEAD')} (${git(repoRoot, 'rev-parse', '--abbrev-ref', 'HEAD')})${dirty}`,
  ]
}

/** The production builds, built again when older than their sources. */
export async function ensureBuilds(repoRoot: string): Promise<void> {
  const env = {
    ...baseEnv(),
    // `next build` opens the database: a throwaway one, not apps/cms/data.
    DATABASE_URL: `file:${path.join(os.tmpdir(), `schoolpost-bench-build-${process.pid}.db`)}`,
    PAYLOAD_SECRET: BENCH_SECRET,
  }
  for (const target of buildTargets(repoRoot)) {
    if (isStale(target.marker, target.sources)) await build(target, repoRoot, env)
    else console.log(`build ${target.name}: reusing ${path.relative(repoRoot, target.marker)}`)
  }
}
