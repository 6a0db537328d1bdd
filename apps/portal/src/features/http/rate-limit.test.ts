import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  clientKey,
  createRateLimiter,
  DEFAULT_RATE_LIMITS,
  getRateLimiter,
  parseRateLimitSpec,
  rateLimitMessage,
  retryAfterHeaders,
} from './rate-limit'

afterEach(() => {
  vi.useRealTimers()
})

describe('createRateLimiter', () => {
  it('lets the allowed attempts through, then refuses with the seconds until the window ends', async () => {
    const limiter = createRateLimiter({ points: 3, durationSeconds: 300 }, 'test-exceed')
    for (let i = 0; i < 3; i++) expect(await limiter.consume('203.0.113.7')).toEqual({ ok: true })
    const refused = await limiter.consume('203.0.113.7')
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.retryAfterSeconds).toBeGreaterThan(290)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(300)
    expect(retryAfterHeaders(refused.retryAfterSeconds)).toEqual({
      'Retry-After': String(refused.retryAfterSeconds),
    })
    expect(rateLimitMessage(refused.retryAfterSeconds)).toBe(
      'Te veel pogingen. Probeer het over 5 minuten opnieuw.',
    )
  })

  it('counts each IP on its own', async () => {
    const limiter = createRateLimiter({ points: 1, durationSeconds: 60 }, 'test-ips')
    expect(await limiter.consume('203.0.113.7')).toEqual({ ok: true })
    expect((await limiter.consume('203.0.113.7')).ok).toBe(false)
    expect(await limiter.consume('198.51.100.23')).toEqual({ ok: true })
    expect(await limiter.consume('2001:db8::1')).toEqual({ ok: true })
  })

  it('lets attempts through again after the window', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T08:00:00Z'), toFake: ['Date', 'setTimeout'] })
    const limiter = createRateLimiter({ points: 1, durationSeconds: 2 }, 'test-window')
    expect(await limiter.consume('203.0.113.7')).toEqual({ ok: true })
    expect(await limiter.consume('203.0.113.7')).toEqual({ ok: false, retryAfterSeconds: 2 })
    vi.advanceTimersByTime(2100)
    expect(await limiter.consume('203.0.113.7')).toEqual({ ok: true })
  })
})

describe('getRateLimiter', () => {
  it('keeps one limiter per bucket and spec, and the buckets apart', async () => {
    const spec = { points: 1, durationSeconds: 60 }
    expect(getRateLimiter('login', spec)).toBe(getRateLimiter('login', spec))
    expect(getRateLimiter('login', spec)).not.toBe(getRateLimiter('token', spec))
    expect(getRateLimiter('login', spec)).not.toBe(
      getRateLimiter('login', { points: 2, durationSeconds: 60 }),
    )
    expect(await getRateLimiter('password-reset', spec).consume('192.0.2.1')).toEqual({ ok: true })
    expect((await getRateLimiter('password-reset', spec).consume('192.0.2.1')).ok).toBe(false)
    expect(await getRateLimiter('token', spec).consume('192.0.2.1')).toEqual({ ok: true })
  })

  it('has the documented defaults', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({
      login: { points: 10, durationSeconds: 300 },
      'password-reset': { points: 5, durationSeconds: 900 },
      token: { points: 20, durationSeconds: 900 },
      report: { points: 10, durationSeconds: 3600 },
    })
  })
})

describe('parseRateLimitSpec', () => {
  it.each([
    ['10/300', { points: 10, durationSeconds: 300 }],
    [' 1000 / 60 ', { points: 1000, durationSeconds: 60 }],
  ])('reads %j', (value, spec) => {
    expect(parseRateLimitSpec(value)).toEqual(spec)
  })

  it.each(['', '10', '10/', '/300', '0/300', '10/0', '-1/300', '10/5m', 'tien/300', '1.5/300'])(
    'refuses %j',
    (value) => {
      expect(parseRateLimitSpec(value)).toBeNull()
    },
  )
})

describe('rateLimitMessage', () => {
  it('rounds up to whole minutes, at least one', () => {
    expect(rateLimitMessage(1)).toBe('Te veel pogingen. Probeer het over 1 minuut opnieuw.')
    expect(rateLimitMessage(61)).toBe('Te veel pogingen. Probeer het over 2 minuten opnieuw.')
    expect(rateLimitMessage(900)).toBe('Te veel pogingen. Probeer het over 15 minuten opnieuw.')
  })
})

describe('clientKey', () => {
  it('is the client address, or one shared key when Astro cannot tell', () => {
    expect(clientKey({ clientAddress: '203.0.113.7' })).toBe('203.0.113.7')
    const unknown = {
      get clientAddress(): string {
        throw new Error('clientAddress is not available')
      },
    }
    expect(clientKey(unknown)).toBe('unknown')
  })
})
