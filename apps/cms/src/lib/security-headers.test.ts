import { describe, expect, it } from 'vitest'

import { config as proxyConfig } from '../proxy'
import {
  API_CACHE_CONTROL,
  API_CONTENT_SECURITY_POLICY,
  adminContentSecurityPolicy,
  apiSecurityHeaders,
  COMMON_SECURITY_HEADERS,
  createNonce,
  pageSecurityHeaders,
  sendsHsts,
  STRICT_TRANSPORT_SECURITY,
} from './security-headers'

const directives = (policy: string) =>
  new Map(
    policy.split('; ').map((directive) => {
      const [name, ...sources] = directive.split(' ')
      return [name!, sources]
    }),
  )

describe("the admin's Content-Security-Policy", () => {
  const policy = directives(adminContentSecurityPolicy({ nonce: 'abc123' }))

  it('runs only scripts with the nonce (and what they load), never inline or eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"])
  })

  it('cannot be framed, embeds no plugins, keeps its base URL and posts forms only to itself', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'self'"])
    expect(policy.get('default-src')).toEqual(["'none'"])
  })

  it('loads nothing from another origin', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect([name, source]).toEqual([name, expect.stringMatching(/^'[^']+'$|^(data|blob):$/)])
      }
    }
  })

  it("allows eval only in development (React's error overlay)", () => {
    expect(adminContentSecurityPolicy({ nonce: 'n', dev: true })).toContain(
      "script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'",
    )
    expect(adminContentSecurityPolicy({ nonce: 'n' })).not.toContain('unsafe-eval')
  })
})

describe('createNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce))
    expect(nonces.size).toBe(100)
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  })
})

describe('sendsHsts', () => {
  it('only for production behind an https public URL', () => {
    expect(sendsHsts({ isProduction: true, publicUrl: 'https://beheer.school.nl' })).toBe(true)
    expect(sendsHsts({ isProduction: true, publicUrl: 'http://beheer.school.nl' })).toBe(false)
    // The local demo: a production build on http://localhost without SCHOOLPOST_ENV=production.
    expect(sendsHsts({ isProduction: false, publicUrl: 'https://beheer.school.nl' })).toBe(false)
    expect(sendsHsts({ isProduction: false, publicUrl: 'http://localhost:3000' })).toBe(false)
  })
})

describe('pageSecurityHeaders', () => {
  it('sends the common headers, the CSP with the nonce and HSTS when asked', () => {
    const headers = pageSecurityHeaders({ nonce: 'xyz', hsts: true })
    for (const [name, value] of COMMON_SECURITY_HEADERS) expect(headers.get(name)).toBe(value)
    expect(headers.get('X-Frame-Options')).toBe('DENY')
    expect(headers.get('Content-Security-Policy')).toBe(
      adminContentSecurityPolicy({ nonce: 'xyz' }),
    )
    expect(headers.get('Strict-Transport-Security')).toBe(STRICT_TRANSPORT_SECURITY)
    expect(
      pageSecurityHeaders({ nonce: 'xyz', hsts: false }).has('Strict-Transport-Security'),
    ).toBe(false)
  })
})

describe('apiSecurityHeaders', () => {
  it('makes every answer private and not stored, whatever its status or own Cache-Control', () => {
    for (const status of [200, 206, 304, 403, 404, 500]) {
      const answer = new Response(status === 304 ? null : 'x', {
        status,
        headers: { 'Cache-Control': 'public, max-age=31536000' },
      })
      const headers = apiSecurityHeaders(answer, { hsts: false }).headers
      expect([status, headers.get('Cache-Control')]).toEqual([status, API_CACHE_CONTROL])
      expect(headers.get('Content-Security-Policy')).toBe(API_CONTENT_SECURITY_POLICY)
      expect(headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(headers.get('X-Frame-Options')).toBe('DENY')
      expect(headers.has('Strict-Transport-Security')).toBe(false)
    }
  })

  it("replaces Payload's weaker CSP of an XML file and adds HSTS when asked", () => {
    const svg = new Response('<svg/>', {
      headers: {
        'Content-Security-Policy': "script-src 'none'; frame-src 'none'; object-src 'none'",
      },
    })
    const headers = apiSecurityHeaders(svg, { hsts: true }).headers
    expect(headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    )
    expect(headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
  })

  it('copies an answer whose headers are immutable, keeping status, headers and body', async () => {
    const redirect = Response.redirect('http://localhost:3000/admin', 302)
    const result = apiSecurityHeaders(redirect, { hsts: false })
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe('http://localhost:3000/admin')
    expect(result.headers.get('Cache-Control')).toBe(API_CACHE_CONTROL)
  })
})

describe("proxy.ts's matcher", () => {
  // Next's matcher source is path-to-regexp; this one is a plain regular expression as well.
  const matches = (path: string) =>
    proxyConfig.matcher.some((source) => new RegExp(`^${source}$`).test(path))

  it('covers the admin, its 404s and /_next/*, but never /api (upload bodies stay unread)', () => {
    for (const path of ['/', '/admin', '/admin/collections/posts', '/_next/static/a.js', '/apis'])
      expect([path, matches(path)]).toEqual([path, true])
    for (const path of ['/api', '/api/media', '/api/media/file/foto.webp'])
      expect([path, matches(path)]).toEqual([path, false])
  })
})
