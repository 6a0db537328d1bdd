/**
 * The security headers of the CMS, in one place. Who sends what:
 * - next.config.ts: COMMON_SECURITY_HEADERS on every response Next sends (admin pages, /api,
 *   /_next/*, Next's own error pages); they never change, so they may be fixed at build time.
 * - src/proxy.ts: the admin's Content-Security-Policy with a fresh nonce, and HSTS, on every
 *   response outside /api (decided per request, from the running server's environment).
 * - the REST route handler (app/(payload)/api/[...slug]/route.ts): apiSecurityHeaders on every
 *   answer of /api, after Payload's own headers, so no file or error answer is cached.
 */

export const COMMON_SECURITY_HEADERS: ReadonlyArray<readonly [name: string, value: string]> = [
  // Both (XFO for browsers without frame-ancestors): the admin can never be framed (clickjacking).
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
]

/**
 * The admin's policy. Scripts only with this response's nonce: Next puts it on its own inline
 * hydration scripts and bundles when it finds it in the request's CSP header (the admin is
 * rendered per request), and 'strict-dynamic' lets those load the admin's chunks. Styles allow
 * 'unsafe-inline' (no nonce, which would switch it off): Payload renders style attributes and
 * react-select (emotion) inserts <style> elements without a nonce. Nothing comes from another
 * origin. Development (`next dev`) also needs 'unsafe-eval' for React's error overlay.
 */
export function adminContentSecurityPolicy({
  nonce,
  dev = false,
}: {
  nonce: string
  dev?: boolean
}): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // blob: is the preview of a file picked for upload, before it is sent.
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** API answers are data and files, never a page: nothing may load or run, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

/** Every API answer may be personal (a photo of a child, a parent's address): never stored. */
export const API_CACHE_CONTROL = 'private, no-store'

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains'

/**
 * HSTS only for a real deployment (`SCHOOLPOST_ENV=production`, read by the running server)
 * whose public URL is https. The local demo runs the same production build on
 * http://localhost, and a production install reached over plain http cannot keep the promise:
 * a browser that once saw the header over https would refuse that host (and its subdomains) over
 * http for a year. Browsers ignore the header over http anyway.
 */
export function sendsHsts({
  isProduction,
  publicUrl,
}: {
  isProduction: boolean
  publicUrl: string
}): boolean {
  return isProduction && publicUrl.startsWith('https://')
}

/** A fresh nonce per response: 128 random bits, base64. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
}

/** The headers of an admin page (or any response outside /api) that proxy.ts sets. */
export function pageSecurityHeaders({
  nonce,
  hsts,
  dev = false,
}: {
  nonce: string
  hsts: boolean
  dev?: boolean
}): Headers {
  const headers = new Headers(COMMON_SECURITY_HEADERS as [string, string][])
  headers.set('Content-Security-Policy', adminContentSecurityPolicy({ nonce, dev }))
  if (hsts) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY)
  return headers
}

/**
 * Returns the API answer with its security headers set, whatever Payload set (a copy when the
 * headers are immutable, as after Response.redirect). No API answer is public: every status (a
 * file's 200 and 206, a 304, a 404) is `private, no-store`.
 */
export function apiSecurityHeaders(response: Response, { hsts }: { hsts: boolean }): Response {
  let target = response
  try {
    apply(target.headers, hsts)
  } catch {
    target = new Response(response.body, response)
    apply(target.headers, hsts)
  }
  return target
}

function apply(headers: Headers, hsts: boolean): void {
  for (const [name, value] of COMMON_SECURITY_HEADERS) headers.set(name, value)
  headers.set('Content-Security-Policy', API_CONTENT_SECURITY_POLICY)
  headers.set('Cache-Control', API_CACHE_CONTROL)
  if (hsts) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY)
}
