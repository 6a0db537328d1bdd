import { describe, expect, it } from 'vitest'

import {
  CONTENT_SECURITY_POLICY,
  sendsHsts,
  STRICT_TRANSPORT_SECURITY,
  withSecurityHeaders,
} from './security-headers'

describe('withSecurityHeaders', () => {
  it('sets the security headers and no-store on HTML', () => {
    const page = new Response('<p>hoi</p>', { headers: { 'Content-Type': 'text/html' } })
    const headers = withSecurityHeaders(page, { dev: false, hsts: false }).headers
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(headers.get('Referrer-Policy')).toBe('same-origin')
    expect(headers.get('X-Frame-Options')).toBe('DENY')
    expect(headers.get('Cache-Control')).toBe('no-store')
    expect(headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it("allows only the portal's own script files: no inline script, no eval, no other origin", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline')
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })

  it("allows the portal's own images and videos (the file route), nothing from elsewhere", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data:")
    expect(CONTENT_SECURITY_POLICY).toContain("media-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/)
  })

  it('copies a response whose headers are immutable', () => {
    const redirect = Response.redirect('http://localhost:4321/inloggen', 302)
    const result = withSecurityHeaders(redirect, { dev: false, hsts: false })
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe('http://localhost:4321/inloggen')
    expect(result.headers.get('X-Frame-Options')).toBe('DENY')
  })

  it('keeps an explicit Cache-Control on non-HTML and leaves out the CSP in dev', () => {
    const file = new Response('x', {
      headers: { 'Content-Type': 'image/webp', 'Cache-Control': 'private, no-store' },
    })
    const headers = withSecurityHeaders(file, { dev: true, hsts: false }).headers
    expect(headers.get('Cache-Control')).toBe('private, no-store')
    expect(headers.has('Content-Security-Policy')).toBe(false)
  })

  it('sends HSTS only when asked, also on a copied redirect', () => {
    const page = new Response('<p>hoi</p>', { headers: { 'Content-Type': 'text/html' } })
    expect(
      withSecurityHeaders(page, { dev: false, hsts: false }).headers.has(
        'Strict-Transport-Security',
      ),
    ).toBe(false)
    const redirect = Response.redirect('https://ouders.school.nl/inloggen', 303)
    expect(
      withSecurityHeaders(redirect, { dev: false, hsts: true }).headers.get(
        'Strict-Transport-Security',
      ),
    ).toBe('max-age=31536000; includeSubDomains')
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=31536000; includeSubDomains')
  })
})

describe('sendsHsts', () => {
  it('only for production behind an https PORTAL_URL', () => {
    expect(sendsHsts({ isProduction: true, publicUrl: 'https://ouders.school.nl' })).toBe(true)
    expect(sendsHsts({ isProduction: true, publicUrl: 'http://ouders.school.nl' })).toBe(false)
    expect(sendsHsts({ isProduction: true, publicUrl: undefined })).toBe(false)
    // The local demo: the production build on http://localhost without SCHOOLPOST_ENV=production.
    expect(sendsHsts({ isProduction: false, publicUrl: 'https://ouders.school.nl' })).toBe(false)
    expect(sendsHsts({ isProduction: false, publicUrl: 'http://localhost:4321' })).toBe(false)
  })
})
