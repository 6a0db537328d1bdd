import { createHmac } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { clientAddressFromForwardedFor } from '@schoolpost/http/client-address'
import { consumeShared, forgetShared, refundShared } from '../db/shared-state'
import { env } from './env'
import { Refusal } from './refusal'
import type { CmsRateLimitBucket } from './rate-limit-spec'

/**
 * The CMS's rate limits (it is the only door to the data, so the limits live here and not only in
 * the portal). Counts live in the database (src/db/shared-state.ts), so two or twenty CMS
 * processes behind a proxy count together; windows are aligned to the clock (a limit of 20 per
 * 15 minutes counts per quarter of an hour). Keys are stored as an HMAC under the server's
 * secret: the database never holds an email address or IP address of a limit in the clear.
 */

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

/** The request the count belongs to: its Payload, and its transaction when it has one. */
export type LimitContext = Pick<PayloadRequest, 'payload'> &
  Partial<Pick<PayloadRequest, 'transactionID'>>

const storedKey = (bucket: CmsRateLimitBucket, key: string) =>
  createHmac('sha256', env.payloadSecret).update(`${bucket}\0${key}`).digest('base64url')

/** SQLite: counted in the request's transaction (a second writer would wait for it). */
const scopeOf = (ctx: LimitContext) =>
  ctx.transactionID === undefined ? undefined : { req: { transactionID: ctx.transactionID } }

const args = (ctx: LimitContext, bucket: CmsRateLimitBucket, key: string) => ({
  key: storedKey(bucket, key),
  spec: env.rateLimits[bucket],
  scope: scopeOf(ctx),
})

/** Counts one event for `key` in `bucket`; refused once the bucket's points are used up. */
export async function consume(
  ctx: LimitContext,
  bucket: CmsRateLimitBucket,
  key: string,
): Promise<LimitDecision> {
  const outcome = await consumeShared(ctx.payload, args(ctx, bucket, key))
  if (outcome.ok) return { ok: true }
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) }
}

/**
 * Counts one event in each bucket and refuses when any of them is used up (the longest wait
 * wins). Every bucket is asked, also after the first refusal.
 */
export async function consumeAll(
  ctx: LimitContext,
  entries: ReadonlyArray<readonly [CmsRateLimitBucket, string]>,
): Promise<LimitDecision> {
  let wait = 0
  for (const [bucket, key] of entries) {
    const decision = await consume(ctx, bucket, key)
    if (!decision.ok) wait = Math.max(wait, decision.retryAfterSeconds)
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true }
}

/** Gives back one event (a login that turned out to be right does not count as a failure). */
export async function refund(
  ctx: LimitContext,
  bucket: CmsRateLimitBucket,
  key: string,
): Promise<void> {
  await refundShared(ctx.payload, args(ctx, bucket, key))
}

/** Forgets a key's count (the owner logged in: their failures from that address start over). */
export async function forget(
  ctx: LimitContext,
  bucket: CmsRateLimitBucket,
  key: string,
): Promise<void> {
  await forgetShared(ctx.payload, args(ctx, bucket, key))
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

/**
 * Counts one event of `bucket` for `key` inside an operation (a hook), or refuses it: a Dutch 429
 * Refusal with Retry-After (`setRetryAfter`) and the code `rate-limited`.
 */
export async function consumeOrRefuse(
  req: PayloadRequest,
  bucket: CmsRateLimitBucket,
  key: string,
): Promise<void> {
  const limit = await consume(req, bucket, key)
  if (limit.ok) return
  setRetryAfter(req, limit.retryAfterSeconds)
  throw new Refusal(rateLimitMessage(limit.retryAfterSeconds), 429, { code: 'rate-limited' })
}
