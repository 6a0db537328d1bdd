import type { Server } from 'node:http'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createRequestFromNodeRequest } from 'astro/app/node'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { fakeCookies } from '../../test/fake-cookies'
import { LOGIN_ERROR_STATUS, submitLoginForm } from '../../features/auth/login'
import { deriveSessionKey } from '../../features/auth/session'
import {
  clientKey,
  createRateLimiter,
  DEFAULT_RATE_LIMITS,
  getRateLimiter,
  parseRateLimitSpec,
  rateLimitMessage,
  retryAfterHeaders,
  trustedProxiesFromEnv,
} from './rate-limit'

const session = { key: deriveSessionKey('s'.repeat(40)), secure: false }

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
      feed: { points: 300, durationSeconds: 900 },
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
  const request = (headers: Record<string, string> = {}) =>
    new Request('http://localhost/inloggen', { headers })

  it('without forwarding headers: Astro’s address, or one shared key when Astro cannot tell', () => {
    expect(clientKey({ clientAddress: '203.0.113.7', request: request() }, [])).toBe('203.0.113.7')
    const unknown = {
      request: request(),
      get clientAddress(): string {
        throw new Error('clientAddress is not available')
      },
    }
    expect(clientKey(unknown, [])).toBe('unknown')
  })

  it('with an X-Forwarded-For but no noted connection address: one shared key, not the header', () => {
    const ctx = {
      clientAddress: '203.0.113.7',
      request: request({ 'X-Forwarded-For': '203.0.113.7' }),
    }
    expect(clientKey(ctx, ['127.0.0.1'])).toBe('unknown')
  })
})

describe('trustedProxiesFromEnv', () => {
  it('reads a comma-separated list; an invalid one is logged and trusts nothing', () => {
    expect(trustedProxiesFromEnv(undefined)).toEqual([])
    expect(trustedProxiesFromEnv(' 10.0.0.2 , ::1 ')).toEqual(['10.0.0.2', '::1'])
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(trustedProxiesFromEnv('10.0.0.2,proxy.local')).toEqual([])
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"proxy.local" is geen IP-adres'))
    error.mockRestore()
  })
})

/**
 * The attack of issue #9 item 6: a new fake X-Forwarded-For per request, with the Host (or
 * X-Forwarded-Host) of PORTAL_URL so that Astro's node adapter believes it. Each request goes
 * through a real Node HTTP server and the adapter's own `createRequestFromNodeRequest`, configured
 * with the `allowedDomains` astro.config makes of PORTAL_URL, into the login form's work.
 */
describe('clientKey behind Astro’s node adapter (spoofed X-Forwarded-For)', () => {
  /** PORTAL_URL=https://ouders.school.nl: X-Forwarded-Host is believed. */
  const httpsPortal = [{ protocol: 'https', hostname: 'ouders.school.nl' }]
  /** The Host header is checked against the socket's protocol: plain http here (TLS in production). */
  const httpPortal = [{ protocol: 'http', hostname: 'ouders.school.nl' }]
  const servers: Server[] = []
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections()
            server.close(() => resolve())
          }),
      ),
    )
  })

  /** The portal's login action on a real socket: 429 once the limiter refuses. */
  async function startPortal(
    trustedProxies: readonly string[],
    allowedDomains: { protocol: string; hostname: string }[] = httpsPortal,
  ) {
    const limiter = createRateLimiter(
      { points: 3, durationSeconds: 300 },
      `test-spoof-${servers.length}`,
    )
    const keys: string[] = []
    const cms = {
      portalLogin: async () =>
        ({ ok: false, code: 'invalid-credentials', message: 'Onjuist.' }) as const,
    }
    const server = createServer((req, res) => {
      const request = createRequestFromNodeRequest(req, { allowedDomains })
      // What Astro gives pages and actions as `clientAddress`.
      const ctx = {
        request,
        get clientAddress(): string {
          return Reflect.get(request, Symbol.for('astro.clientAddress')) as string
        },
      }
      const key = clientKey(ctx, trustedProxies)
      keys.push(key)
      void submitLoginForm(
        { email: 'fatima.yilmaz@ouders.test', password: 'geraden' },
        { cms, cookies: fakeCookies().cookies, session, limiter, clientKey: key },
      ).then((result) => {
        res.writeHead(result.ok ? 303 : LOGIN_ERROR_STATUS[result.code])
        res.end()
      })
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const post = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method: 'POST', path: '/inloggen?_action=login', headers },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          },
        )
        req.on('error', reject)
        req.end()
      })
    return { post, keys }
  }

  it.each([
    ['Host', httpPortal, { Host: 'ouders.school.nl' }],
    ['X-Forwarded-Host', httpsPortal, { 'X-Forwarded-Host': 'ouders.school.nl' }],
  ])(
    'a new fake address per request with a matching %s: 429 after the limit',
    async (_, allowedDomains, hostHeaders) => {
      const portal = await startPortal([], allowedDomains)
      const statuses: number[] = []
      for (let i = 1; i <= 5; i++) {
        statuses.push(await portal.post({ ...hostHeaders, 'X-Forwarded-For': `203.0.113.${i}` }))
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429])
      // Counted under the socket's address, never under an address the client chose.
      expect(new Set(portal.keys)).toEqual(new Set(['127.0.0.1']))
    },
  )

  it('behind a trusted proxy: the right-most entry the proxy added counts, not what the client prefixed', async () => {
    const portal = await startPortal(['127.0.0.1'])
    const statuses: number[] = []
    for (let i = 1; i <= 4; i++) {
      statuses.push(
        await portal.post({
          'X-Forwarded-Host': 'ouders.school.nl',
          'X-Forwarded-For': `203.0.113.${i}, 198.51.100.7`,
        }),
      )
    }
    expect(statuses).toEqual([401, 401, 401, 429])
    // Another parent behind the same proxy has their own count.
    expect(
      await portal.post({
        'X-Forwarded-Host': 'ouders.school.nl',
        'X-Forwarded-For': '198.51.100.8',
      }),
    ).toBe(401)
    expect(portal.keys).toEqual([...Array(4).fill('198.51.100.7'), '198.51.100.8'])
  })
})
