import { vi } from 'vitest'

import type { RateLimitDecision, RateLimiter } from '../lib/http/rate-limit'

type Consume = (key: string) => Promise<RateLimitDecision>

/** A limiter that lets everything through, recording the keys it counted. */
export function allowingLimiter() {
  const consume = vi.fn<Consume>(async () => ({ ok: true }))
  return { consume } satisfies RateLimiter
}

/** A limiter that refuses everything with the given Retry-After. */
export function refusingLimiter(retryAfterSeconds: number) {
  const consume = vi.fn<Consume>(async () => ({ ok: false, retryAfterSeconds }))
  return { consume } satisfies RateLimiter
}
