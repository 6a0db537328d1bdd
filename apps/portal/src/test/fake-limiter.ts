import { vi } from 'vitest'

import type { RateLimiter } from '../features/http/rate-limit'

/** A limiter that lets everything through, recording the keys it counted. */
export function allowingLimiter() {
  const consume = vi.fn(async (_key: string) => ({ ok: true }) as const)
  return { consume } satisfies RateLimiter
}

/** A limiter that refuses everything with the given Retry-After. */
export function refusingLimiter(retryAfterSeconds: number) {
  const consume = vi.fn(async (_key: string) => ({ ok: false, retryAfterSeconds }) as const)
  return { consume } satisfies RateLimiter
}
