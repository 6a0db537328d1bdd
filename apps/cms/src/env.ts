import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseTrustedProxies } from '@schoolpost/http/client-address'
import { z } from 'zod'

import type { CmsRateLimitBucket, RateLimitSpec } from './lib/rate-limit-spec'
import {
  CMS_RATE_LIMIT_ENV,
  DEFAULT_CMS_RATE_LIMITS,
  parseRateLimitSpec,
} from './lib/rate-limit-spec'

/**
 * The CMS environment, validated once at start with clear messages.
 *
 * `SCHOOLPOST_ENV=production` marks a real deployment: a strong PAYLOAD_SECRET is then required
 * and cookies are Secure. It is separate from NODE_ENV because the local demo (`pnpm start`)
 * runs production *builds* on http://localhost with a generated secret.
 */
/** A rate limit as "<points>/<seconds>", e.g. CMS_RATE_LIMIT_LOGIN_IP=20/900. */
const rateLimit = (bucket: CmsRateLimitBucket) => {
  const name = CMS_RATE_LIMIT_ENV[bucket]
  const fallback = DEFAULT_CMS_RATE_LIMITS[bucket]
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx): RateLimitSpec => {
      if (!value) return fallback
      const spec = parseRateLimitSpec(value)
      if (spec) return spec
      ctx.addIssue({
        code: 'custom',
        message: `${name} moet "<pogingen>/<seconden>" zijn, bv. "${fallback.points}/${fallback.durationSeconds}".`,
      })
      return z.NEVER
    })
}

const rateLimitShape = Object.fromEntries(
  (Object.keys(CMS_RATE_LIMIT_ENV) as CmsRateLimitBucket[]).map((bucket) => [
    CMS_RATE_LIMIT_ENV[bucket],
    rateLimit(bucket),
  ]),
) as Record<string, ReturnType<typeof rateLimit>>

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)

const schema = z
  .object({
    ...rateLimitShape,
    /** Proxies whose X-Forwarded-For entries are skipped (@schoolpost/http/client-address). */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const parsed = parseTrustedProxies(value)
        if (parsed.ok) return parsed.list
        ctx.addIssue({ code: 'custom', message: parsed.message })
        return z.NEVER
      }),
    SCHOOLPOST_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^(file:|mongodb(\+srv)?:\/\/)/.test(v), {
        message:
          'DATABASE_URL moet leeg zijn, met "file:" beginnen (SQLite) of met "mongodb://" (MongoDB).',
      }),
    PAYLOAD_SECRET: z.string().optional(),
    CMS_URL: z
      .url({ message: 'CMS_URL moet een volledige URL zijn, bv. http://localhost:3000' })
      .default('http://localhost:3000'),
    PORTAL_URL: z
      .url({ message: 'PORTAL_URL moet een volledige URL zijn, bv. http://localhost:4321' })
      .default('http://localhost:4321'),
    SEED_DEMO: z.enum(['true', 'false']).optional(),
    JOBS_RUNNER: z
      .enum(['in-process', 'off'], {
        message:
          'JOBS_RUNNER moet "in-process" of "off" zijn (off: een aparte worker draait de jobs).',
      })
      .default('in-process'),
    RESEND_API_KEY: z.string().trim().optional(),
    MAIL_CAPTURE_DIR: z.string().trim().optional(),
    RESEND_BASE_URL: z.url({ message: 'RESEND_BASE_URL moet een volledige URL zijn.' }).optional(),
    EMAIL_FROM: z
      .string()
      .trim()
      .regex(/^[^<>]+<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/, {
        message: 'EMAIL_FROM moet een adres zijn, bv. "Schoolpost <noreply@school.nl>".',
      })
      .default('Schoolpost <noreply@schoolpost.test>'),
    MEDIA_DIR: z.string().trim().optional(),
    // End-to-end tests only: a file holding the instant the school's clock shows (lib/clock.ts).
    TEST_CLOCK_FILE: optionalText,
    // S3-compatible media storage: set S3_BUCKET (and its keys) and files go there instead of
    // MEDIA_DIR. Empty values count as unset, so one .env can switch it off.
    S3_BUCKET: optionalText.refine(
      (v) => v === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v),
      {
        message:
          'S3_BUCKET moet een geldige bucketnaam zijn: 3 tot 63 kleine letters, cijfers, "." of "-".',
      },
    ),
    S3_ENDPOINT: z
      .url({
        message:
          'S3_ENDPOINT moet een volledige URL zijn, bv. https://s3.eu-central-1.amazonaws.com',
      })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    S3_REGION: optionalText,
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false', ''], { message: 'S3_FORCE_PATH_STYLE moet "true" of "false" zijn.' })
      .optional(),
    S3_PREFIX: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v.replace(/^\/+|\/+$/g, '') : ''))
      .refine((v) => v === '' || /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(v), {
        message:
          'S3_PREFIX mag alleen letters, cijfers, ".", "_", "-" en "/" bevatten, bv. "school-de-linde".',
      })
      .refine((v) => !v.split('/').some((part) => part === '.' || part === '..'), {
        message: 'S3_PREFIX mag geen "." of ".." als deel hebben.',
      }),
    MEDIA_MAX_BYTES: z.coerce.number().int().min(1_000_000).default(200_000_000),
    MEDIA_MAX_PIXELS: z.coerce.number().int().min(1_000_000).default(50_000_000),
    EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(5000),
    FFMPEG_PATH: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || 'ffmpeg'),
  })
  .superRefine((env, ctx) => {
    if (env.SCHOOLPOST_ENV === 'production' && env.TEST_CLOCK_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEST_CLOCK_FILE'],
        message: 'TEST_CLOCK_FILE is alleen voor tests en kan in productie niet aan.',
      })
    }
    const s3Set = [env.S3_ENDPOINT, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY, env.S3_REGION]
    if (!env.S3_BUCKET && s3Set.some(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message:
          'S3_BUCKET ontbreekt: de andere S3_-instellingen zijn gezet, maar zonder bucket gaan bestanden niet naar S3.',
      })
    }
    if (env.S3_BUCKET && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_ACCESS_KEY_ID'],
        message: 'Met S3_BUCKET zijn S3_ACCESS_KEY_ID en S3_SECRET_ACCESS_KEY verplicht.',
      })
    }
    // Captured mail is a development mode: a real school's emails must reach the parents.
    if (env.SCHOOLPOST_ENV === 'production' && !env.RESEND_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['RESEND_API_KEY'],
        message:
          'RESEND_API_KEY is verplicht in productie: zonder e-maildienst komt geen mail aan.',
      })
    }
    if (
      env.SCHOOLPOST_ENV === 'production' &&
      (!env.PAYLOAD_SECRET || env.PAYLOAD_SECRET.length < 32)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: 'PAYLOAD_SECRET is verplicht in productie en moet minstens 32 tekens lang zijn.',
      })
    }
  })

export type CmsEnv = {
  schoolpostEnv: 'development' | 'test' | 'production'
  isProduction: boolean
  databaseUrl: string
  payloadSecret: string
  cmsUrl: string
  portalUrl: string
  seedDemo: boolean
  /**
   * Whether this web process also works through the job queue (emails, digests). "off" when a
   * separate worker (`pnpm --filter @schoolpost/cms worker`) does: several web processes then
   * only serve requests. Either way one runner at a time holds the jobs lease.
   */
  jobsInProcess: boolean
  /** Unset (development and tests only): emails are captured instead of sent. */
  resendApiKey: string | undefined
  /** Development: where captured emails are written as .eml files (never in the database). */
  mailCaptureDir: string | null
  emailFrom: string
  /** Base delay of the outbox's exponential backoff. */
  emailRetryBaseMs: number
  /**
   * Where uploaded files live when `s3` is null: outside any public folder, served only after an
   * access check.
   */
  mediaDir: string
  /** S3-compatible storage of the media files (S3_BUCKET set), else null: MEDIA_DIR. */
  s3: S3Settings | null
  /** Tests only (never in production): the file the school's clock reads its time from. */
  testClockFile: string | null
  mediaMaxBytes: number
  /** A decoded image larger than this is refused (decompression bombs). */
  mediaMaxPixels: number
  /** The ffmpeg that strips video metadata and makes posters (Debian's `ffmpeg` package). */
  ffmpegPath: string
  /** Addresses of the proxies in front of the CMS (the portal included) whose X-Forwarded-For is trusted. */
  trustedProxies: string[]
  /** The rate limits of logins, reset links, invitations, password changes and reports. */
  rateLimits: Record<CmsRateLimitBucket, RateLimitSpec>
}

/** S3-compatible storage for media files; the bucket stays private (no public URL is ever made). */
export type S3Settings = {
  bucket: string
  /** Unset: AWS itself. Any S3-compatible service otherwise (MinIO, Versity, a hosting party's). */
  endpoint: string | undefined
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** bucket in the path (http://host/bucket/key) instead of the host name; default with an endpoint. */
  forcePathStyle: boolean
  /** Key prefix of every file ("" for none): several schools can share one bucket. */
  prefix: string
}

export class EnvError extends Error {
  override name = 'EnvError'
}

/** A development secret, generated once and kept in the (git-ignored) data folder. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, '.dev-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

export function parseEnv(
  source: Record<string, string | undefined> = process.env,
  dataDir = path.resolve(process.cwd(), 'data'),
): CmsEnv {
  const result = schema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `- ${i.path.join('.') || 'env'}: ${i.message}`)
    throw new EnvError(`Ongeldige configuratie van het CMS:\n${lines.join('\n')}`)
  }
  const env = result.data
  const isProduction = env.SCHOOLPOST_ENV === 'production'
  return {
    schoolpostEnv: env.SCHOOLPOST_ENV,
    isProduction,
    databaseUrl: env.DATABASE_URL ?? `file:${path.join(dataDir, 'schoolpost.db')}`,
    payloadSecret: env.PAYLOAD_SECRET || developmentSecret(dataDir),
    cmsUrl: env.CMS_URL.replace(/\/$/, ''),
    portalUrl: env.PORTAL_URL.replace(/\/$/, ''),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : !isProduction,
    jobsInProcess: env.JOBS_RUNNER === 'in-process',
    resendApiKey: env.RESEND_API_KEY || undefined,
    mailCaptureDir: env.MAIL_CAPTURE_DIR
      ? path.resolve(env.MAIL_CAPTURE_DIR)
      : env.SCHOOLPOST_ENV === 'development'
        ? path.join(dataDir, 'mail')
        : null,
    emailFrom: env.EMAIL_FROM,
    emailRetryBaseMs: env.EMAIL_RETRY_BASE_MS,
    mediaDir: path.resolve(env.MEDIA_DIR ?? path.join(dataDir, 'media')),
    testClockFile: env.TEST_CLOCK_FILE ? path.resolve(env.TEST_CLOCK_FILE) : null,
    s3:
      env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? {
            bucket: env.S3_BUCKET,
            endpoint: env.S3_ENDPOINT,
            region: env.S3_REGION ?? 'us-east-1',
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            forcePathStyle: env.S3_FORCE_PATH_STYLE
              ? env.S3_FORCE_PATH_STYLE === 'true'
              : Boolean(env.S3_ENDPOINT),
            prefix: env.S3_PREFIX,
          }
        : null,
    mediaMaxBytes: env.MEDIA_MAX_BYTES,
    mediaMaxPixels: env.MEDIA_MAX_PIXELS,
    ffmpegPath: env.FFMPEG_PATH,
    trustedProxies: env.TRUSTED_PROXIES,
    rateLimits: Object.fromEntries(
      (Object.keys(CMS_RATE_LIMIT_ENV) as CmsRateLimitBucket[]).map((bucket) => [
        bucket,
        (env as Record<string, unknown>)[CMS_RATE_LIMIT_ENV[bucket]] as RateLimitSpec,
      ]),
    ) as Record<CmsRateLimitBucket, RateLimitSpec>,
  }
}
