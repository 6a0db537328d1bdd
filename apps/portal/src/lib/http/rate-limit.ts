import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { parseTrustedProxies, resolveClientAddress } from '@schoolpost/http/client-address'
import { peerAddress } from '../peer-address'

/**
 * Per-IP rate limits of the portal's public forms, in this process's memory (one portal process;
 * the CMS keeps its own limits, per address and per account). Each bucket counts separately: logging in, asking for a
 * password-reset link, and using an invitation or reset link (page views and form posts).
 * The `report` bucket counts "Meld dit bericht" reports per logged-in parent (keyed by parent id).
 * The `feed` bucket counts fetches of private iCal feeds (`/agenda/<secret>.ics`) per address:
 * generous, as calendar services fetch the feeds of many parents from a few addresses.
 * Exceeding a bucket gives a 429 with Retry-After and a Dutch message.
 */

export type RateLimitBucket = 'login' | 'password-reset' | 'token' | 'report' | 'feed'

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
  feed: { points: 300, durationSeconds: 15 * 60 },
}

/** The env variable that configures each bucket ("<points>/<seconds>", e.g. "10/300"). */
export const RATE_LIMIT_ENV: Record<RateLimitBucket, string> = {
  login: 'RATE_LIMIT_LOGIN',
  'password-reset': 'RATE_LIMIT_PASSWORD_RESET',
  token: 'RATE_LIMIT_TOKEN',
  report: 'RATE_LIMIT_REPORT',
  feed: 'RATE_LIMIT_FEED',
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

let trustedProxiesCache: { raw: string | undefined; list: readonly string[] } | undefined

/**
 * TRUSTED_PROXIES of this process (read at request time, like the rest of the portal's env). An
 * invalid list is logged and trusts nothing: the limits still hold, per connection.
 */
export function trustedProxiesFromEnv(raw = process.env.TRUSTED_PROXIES): readonly string[] {
  if (trustedProxiesCache && trustedProxiesCache.raw === raw) return trustedProxiesCache.list
  const parsed = parseTrustedProxies(raw)
  if (!parsed.ok) console.error(`[portal] ${parsed.message} Er wordt geen proxy vertrouwd.`)
  trustedProxiesCache = { raw, list: parsed.ok ? parsed.list : [] }
  return trustedProxiesCache.list
}

/**
 * The key of a request: the address of the connection, or, when that is one of TRUSTED_PROXIES,
 * the right-most X-Forwarded-For entry that is not (@schoolpost/http/client-address). Astro's own
 * `clientAddress` is not used when the request has an X-Forwarded-For header: Astro then takes its
 * first entry, which the client chooses (see lib/peer-address.ts). Without a noted connection
 * address such requests share one key rather than trusting the header.
 */
export function clientKey(
  ctx: { readonly clientAddress: string; readonly request: Request },
  trustedProxies: readonly string[] = trustedProxiesFromEnv(),
): string {
  const forwardedFor = ctx.request.headers.get('x-forwarded-for')
  const peer = peerAddress(ctx.request.headers) ?? (forwardedFor ? undefined : astroAddress(ctx))
  if (!peer) return 'unknown'
  return resolveClientAddress({ peer, forwardedFor, trustedProxies })
}

/** Astro's address of a request without forwarding headers (Astro throws when it cannot tell). */
function astroAddress(ctx: { readonly clientAddress: string }): string | undefined {
  try {
    return ctx.clientAddress || undefined
  } catch {
    return undefined
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
