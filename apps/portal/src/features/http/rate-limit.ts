import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/**
 * Per-IP rate limits of the portal's public forms, in this process's memory (one portal process;
 * the CMS keeps its own account lockout). Each bucket counts separately: logging in, asking for a
 * password-reset link, and using an invitation or reset link (page views and form posts).
 * The `report` bucket counts "Meld dit bericht" reports per logged-in parent (keyed by parent id).
 * Exceeding a bucket gives a 429 with Retry-After and a Dutch message.
 */

export type RateLimitBucket = 'login' | 'password-reset' | 'token' | 'report'

export type RateLimitSpec = {
  /** Attempts allowed per window. */
  points: number
  /** The window, in seconds. */
  durationSeconds: number
}

export const DEFAULT_RATE_LIMITS: Record<RateLimitBucket, RateLimitSpec> = {
  login: { points: 10, durationSeconds: 5 * 60 },
  'password-reset': { points: 5, durationSeconds: 15 * 60 },
  token: { points: 20, durationSeconds: 15 * 60 },
  report: { points: 10, durationSeconds: 60 * 60 },
}

/** The env variable that configures each bucket ("<points>/<seconds>", e.g. "10/300"). */
export const RATE_LIMIT_ENV: Record<RateLimitBucket, string> = {
  login: 'RATE_LIMIT_LOGIN',
  'password-reset': 'RATE_LIMIT_PASSWORD_RESET',
  token: 'RATE_LIMIT_TOKEN',
  report: 'RATE_LIMIT_REPORT',
}

const MAX_POINTS = 1_000_000
const MAX_DURATION_SECONDS = 24 * 60 * 60

/** Reads "<points>/<seconds>" (e.g. "10/300"); `null` when it is not that. */
export function parseRateLimitSpec(value: string): RateLimitSpec | null {
  const match = /^\s*(\d{1,7})\s*\/\s*(\d{1,6})\s*$/.exec(value)
  if (!match) return null
  const points = Number.parseInt(match[1] ?? '', 10)
  const durationSeconds = Number.parseInt(match[2] ?? '', 10)
  if (points < 1 || points > MAX_POINTS) return null
  if (durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) return null
  return { points, durationSeconds }
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

export type RateLimiter = {
  /** Counts one attempt for `key` (the client's IP) and says whether it may go ahead. */
  consume(key: string): Promise<RateLimitDecision>
}

/** A limiter for one bucket. Never throws: an unexpected failure lets the request through. */
export function createRateLimiter(spec: RateLimitSpec, keyPrefix = 'portal'): RateLimiter {
  const limiter = new RateLimiterMemory({
    keyPrefix,
    points: spec.points,
    duration: spec.durationSeconds,
  })
  return {
    async consume(key) {
      try {
        await limiter.consume(key, 1)
        return { ok: true }
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
        }
        console.error('[portal] Rate limiter failed; letting the request through:', error)
        return { ok: true }
      }
    },
  }
}

const limiters = new Map<string, RateLimiter>()

/**
 * The process-wide limiter of a bucket. The same bucket and spec always give the same limiter, so
 * counts survive across requests; a changed spec starts a fresh one.
 */
export function getRateLimiter(bucket: RateLimitBucket, spec: RateLimitSpec): RateLimiter {
  const id = `${bucket}:${spec.points}/${spec.durationSeconds}`
  let limiter = limiters.get(id)
  if (!limiter) {
    limiter = createRateLimiter(spec, `portal:${bucket}`)
    limiters.set(id, limiter)
  }
  return limiter
}

/**
 * The key of a request: the client's IP as Astro sees it (X-Forwarded-For is only trusted for
 * the `allowedDomains` of astro.config). Astro throws when it cannot tell; all such requests then
 * share one bucket rather than failing.
 */
export function clientKey(ctx: { readonly clientAddress: string }): string {
  try {
    return ctx.clientAddress || 'unknown'
  } catch {
    return 'unknown'
  }
}

/** "Te veel pogingen. Probeer het over N minuten opnieuw." (at least one minute). */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return `Te veel pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`
}

export const RATE_LIMIT_TITLE = 'Even wachten'

/** The response headers of a 429. */
export function retryAfterHeaders(retryAfterSeconds: number): Record<string, string> {
  return { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) }
}
