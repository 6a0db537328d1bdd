import type { PayloadRequest } from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { clientAddressFromForwardedFor } from '@schoolpost/http/client-address'
import { env } from './env'
import type { CmsRateLimitBucket } from './rate-limit-spec'

/**
 * The CMS's rate limits (it is the only door to the data, so the limits live here and not only in
 * the portal). Counts are kept in this process's memory: one CMS process per school. Several
 * instances behind a load balancer need a shared store (rate-limiter-flexible's RateLimiterRedis
 * or a database limiter) instead of RateLimiterMemory.
 */

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

const limiters = new Map<CmsRateLimitBucket, RateLimiterMemory>()

function limiterOf(bucket: CmsRateLimitBucket): RateLimiterMemory {
  let limiter = limiters.get(bucket)
  if (!limiter) {
    const spec = env.rateLimits[bucket]
    limiter = new RateLimiterMemory({
      keyPrefix: `cms:${bucket}`,
      points: spec.points,
      duration: spec.durationSeconds,
    })
    limiters.set(bucket, limiter)
  }
  return limiter
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000))

/** Counts one event for `key` in `bucket`; refused once the bucket's points are used up. */
export async function consume(bucket: CmsRateLimitBucket, key: string): Promise<LimitDecision> {
  try {
    await limiterOf(bucket).consume(key, 1)
    return { ok: true }
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: retryAfter(error) }
    throw error
  }
}

/**
 * Counts one event in each bucket and refuses when any of them is used up (the longest wait
 * wins). Every bucket is counted, also after the first refusal, so hammering stays counted.
 */
export async function consumeAll(
  entries: ReadonlyArray<readonly [CmsRateLimitBucket, string]>,
): Promise<LimitDecision> {
  let wait = 0
  for (const [bucket, key] of entries) {
    const decision = await consume(bucket, key)
    if (!decision.ok) wait = Math.max(wait, decision.retryAfterSeconds)
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true }
}

/** Gives back one event (a login that turned out to be right does not count as a failure). */
export async function refund(bucket: CmsRateLimitBucket, key: string): Promise<void> {
  await limiterOf(bucket).reward(key, 1)
}

/** Forgets a key's count (the owner logged in: their failures from that address start over). */
export async function forget(bucket: CmsRateLimitBucket, key: string): Promise<void> {
  await limiterOf(bucket).delete(key)
}

/** The requesting client's address (@schoolpost/http/client-address: what is trusted). */
export function requestAddress(req: Pick<PayloadRequest, 'headers'>): string {
  return clientAddressFromForwardedFor(req.headers.get('x-forwarded-for'), env.trustedProxies)
}

/** "Te veel pogingen. Probeer het over N minuten opnieuw." (at least one minute). */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return `Te veel pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`
}

/** The Dutch 429 every limited endpoint answers, with Retry-After. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return Response.json(
    { ok: false, code: 'rate-limited', message: rateLimitMessage(retryAfterSeconds) },
    {
      status: 429,
      headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' },
    },
  )
}

/**
 * For a refusal thrown from inside an operation (a hook): Payload's error answer merges
 * `req.responseHeaders`, so the 429 carries its Retry-After.
 */
export function setRetryAfter(req: { responseHeaders?: Headers }, retryAfterSeconds: number): void {
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(retryAfterSeconds))
  req.responseHeaders = headers
}
