import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

import type { RateLimitBucket, RateLimitSpec } from './http/rate-limit'
import { parseTrustedProxies } from '@schoolpost/http/client-address'
import { DEFAULT_RATE_LIMITS, parseRateLimitSpec, RATE_LIMIT_ENV } from './http/rate-limit'

/**
 * The portal's environment, validated with clear messages and read at request time (so one build
 * runs against any CMS). `SCHOOLPOST_ENV=production` marks a real deployment: a strong
 * PORTAL_SESSION_SECRET is then required and cookies are Secure.
 */

export const DEFAULT_CMS_URL = 'http://localhost:3000'
export const DEFAULT_SCHOOL_NAME = 'Basisschool De Regenboog'
export const DEFAULT_CMS_TIMEOUT_MS = 5000
export const MIN_SECRET_LENGTH = 32

/** Empty values (`CMS_URL=` in an .env file) count as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema,
  )

/** A rate limit as "<points>/<seconds>", e.g. RATE_LIMIT_LOGIN=10/300. */
const rateLimit = (bucket: RateLimitBucket) => {
  const name = RATE_LIMIT_ENV[bucket]
  const fallback = DEFAULT_RATE_LIMITS[bucket]
  return optional(
    z
      .string()
      .transform((value, ctx) => {
        const spec = parseRateLimitSpec(value)
        if (spec) return spec
        ctx.addIssue({
          code: 'custom',
          message: `${name} moet "<pogingen>/<seconden>" zijn, bv. "${fallback.points}/${fallback.durationSeconds}" (minstens 1 poging en 1 seconde).`,
        })
        return z.NEVER
      })
      .default(fallback),
  )
}

const schema = z
  .object({
    SCHOOLPOST_ENV: optional(
      z
        .enum(['development', 'test', 'production'], {
          error: 'SCHOOLPOST_ENV moet "development", "test" of "production" zijn.',
        })
        .default('development'),
    ),
    CMS_URL: optional(
      z
        .url({
          protocol: /^https?$/,
          error: 'CMS_URL moet een volledige http(s)-URL zijn, bv. http://localhost:3000',
        })
        .default(DEFAULT_CMS_URL),
    ),
    PORTAL_SESSION_SECRET: optional(
      z
        .string()
        .min(MIN_SECRET_LENGTH, {
          error: `PORTAL_SESSION_SECRET moet minstens ${MIN_SECRET_LENGTH} tekens lang zijn.`,
        })
        .optional(),
    ),
    CMS_TIMEOUT_MS: optional(
      z.coerce
        .number({ error: 'CMS_TIMEOUT_MS moet een getal zijn (milliseconden).' })
        .int({ error: 'CMS_TIMEOUT_MS moet een heel getal zijn (milliseconden).' })
        .min(100, { error: 'CMS_TIMEOUT_MS moet tussen 100 en 60000 liggen.' })
        .max(60_000, { error: 'CMS_TIMEOUT_MS moet tussen 100 en 60000 liggen.' })
        .default(DEFAULT_CMS_TIMEOUT_MS),
    ),
    SCHOOL_NAME: optional(
      z
        .string()
        .trim()
        .max(200, { error: 'SCHOOL_NAME mag hoogstens 200 tekens lang zijn.' })
        .default(DEFAULT_SCHOOL_NAME),
    ),
    RATE_LIMIT_LOGIN: rateLimit('login'),
    RATE_LIMIT_PASSWORD_RESET: rateLimit('password-reset'),
    RATE_LIMIT_TOKEN: rateLimit('token'),
    RATE_LIMIT_REPORT: rateLimit('report'),
    RATE_LIMIT_FEED: rateLimit('feed'),
    // Read per request by lib/http/rate-limit.ts; validated here so a typo stops the start.
    TRUSTED_PROXIES: optional(z.string().optional()),
    // End-to-end tests only: a file holding the instant the school's clock shows (lib/clock.ts),
    // the same file the CMS reads, so one test moves both apps' clocks.
    TEST_CLOCK_FILE: optional(z.string().trim().optional()),
  })
  .superRefine((env, ctx) => {
    if (env.SCHOOLPOST_ENV === 'production' && env.TEST_CLOCK_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEST_CLOCK_FILE'],
        message: 'TEST_CLOCK_FILE is alleen voor tests en kan in productie niet aan.',
      })
    }
    const proxies = parseTrustedProxies(env.TRUSTED_PROXIES)
    if (!proxies.ok) {
      ctx.addIssue({ code: 'custom', path: ['TRUSTED_PROXIES'], message: proxies.message })
    }
    if (env.SCHOOLPOST_ENV === 'production' && !env.PORTAL_SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PORTAL_SESSION_SECRET'],
        message: `PORTAL_SESSION_SECRET is verplicht in productie (minstens ${MIN_SECRET_LENGTH} tekens, bv. uit \`openssl rand -hex 32\`).`,
      })
    }
  })

export type PortalEnv = {
  schoolpostEnv: 'development' | 'test' | 'production'
  isProduction: boolean
  /** Base URL of the CMS, without a trailing slash. */
  cmsUrl: string
  /** How long one CMS request (answer and body) may take. */
  cmsTimeoutMs: number
  /** Secret the session cookie key is derived from. */
  sessionSecret: string
  /** School name shown before login (after login the CMS settings are used). */
  schoolName: string
  /**
   * Per-IP limits: logging in, asking for a reset link, using an invitation or reset link; and
   * per parent: reports; per address: fetches of the private iCal feeds.
   */
  rateLimits: Record<RateLimitBucket, RateLimitSpec>
  /**
   * End-to-end tests only (never in production): the file the school's clock is read from
   * (`lib/clock.ts`), as an absolute path; `null` is the real time.
   */
  testClockFile: string | null
}

export class EnvError extends Error {
  override name = 'EnvError'
}

/** Where the portal keeps its runtime files (the generated development secret). */
export function defaultDataDir(): string {
  return path.resolve(process.cwd(), 'data')
}

const devSecrets = new Map<string, string>()

/** A development secret, generated once and kept in the (git-ignored) data folder. */
export function developmentSecret(dataDir: string): string {
  const cached = devSecrets.get(dataDir)
  if (cached) return cached
  const file = path.join(dataDir, '.dev-secret')
  let secret = existsSync(file) ? readFileSync(file, 'utf8').trim() : ''
  if (secret.length < MIN_SECRET_LENGTH) {
    secret = randomBytes(32).toString('hex')
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, secret, { mode: 0o600 })
  }
  devSecrets.set(dataDir, secret)
  return secret
}

export function parsePortalEnv(
  source: Record<string, string | undefined> = process.env,
  dataDir: string = defaultDataDir(),
): PortalEnv {
  const result = schema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `- ${i.path.join('.') || 'env'}: ${i.message}`)
    throw new EnvError(`Ongeldige configuratie van het ouderportaal:\n${lines.join('\n')}`)
  }
  const env = result.data
  const isProduction = env.SCHOOLPOST_ENV === 'production'
  return {
    schoolpostEnv: env.SCHOOLPOST_ENV,
    isProduction,
    cmsUrl: env.CMS_URL.replace(/\/+$/, ''),
    cmsTimeoutMs: env.CMS_TIMEOUT_MS,
    sessionSecret: env.PORTAL_SESSION_SECRET ?? developmentSecret(dataDir),
    schoolName: env.SCHOOL_NAME || DEFAULT_SCHOOL_NAME,
    rateLimits: {
      login: env.RATE_LIMIT_LOGIN,
      'password-reset': env.RATE_LIMIT_PASSWORD_RESET,
      token: env.RATE_LIMIT_TOKEN,
      report: env.RATE_LIMIT_REPORT,
      feed: env.RATE_LIMIT_FEED,
    },
    testClockFile: env.TEST_CLOCK_FILE ? path.resolve(env.TEST_CLOCK_FILE) : null,
  }
}

/** The environment of this process, read now (cheap: only the dev secret file is cached). */
export function getPortalEnv(): PortalEnv {
  return parsePortalEnv(process.env)
}
