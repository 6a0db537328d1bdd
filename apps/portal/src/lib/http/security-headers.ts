/**
 * Headers on every response of the portal. Pages work without JavaScript; the one script (a
 * conversation's live update, `public/scripts/live-thread.js`) is a file of the portal itself —
 * no inline script, no eval — and it only asks the portal. Styles, images, videos and fonts come
 * from the portal itself (media files through its own /bestanden route).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ')

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains'

export type SecurityHeaderOptions = {
  /** Vite's dev server injects scripts and inline styles: no CSP there. */
  dev: boolean
  /** Send HSTS (see sendsHsts). */
  hsts: boolean
}

/**
 * HSTS only for a real deployment (`SCHOOLPOST_ENV=production`, read at request time) whose
 * public PORTAL_URL is https. The local demo runs the same build on http://localhost, and a
 * production install reached over plain http cannot keep the promise: a browser that once saw
 * the header over https would refuse that host (and its subdomains) over http for a year.
 * Browsers ignore the header over http anyway.
 */
export function sendsHsts({
  isProduction,
  publicUrl,
}: {
  isProduction: boolean
  publicUrl: string | undefined
}): boolean {
  return isProduction && !!publicUrl?.trim().startsWith('https://')
}

/** Returns a response with the security headers set (a copy when its headers are immutable). */
export function withSecurityHeaders(response: Response, options: SecurityHeaderOptions): Response {
  let target = response
  try {
    apply(target.headers, options)
  } catch {
    // e.g. Response.redirect() has immutable headers
    target = new Response(response.body, response)
    apply(target.headers, options)
  }
  return target
}

function apply(headers: Headers, options: SecurityHeaderOptions): void {
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Referrer-Policy', 'same-origin')
  headers.set('X-Frame-Options', 'DENY')
  headers.set('Cross-Origin-Opener-Policy', 'same-origin')
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  if (options.hsts) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY)
  if (!options.dev) headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  const type = headers.get('Content-Type') ?? ''
  // Every page is personal or a form: never store it (back/forward after logout included).
  if (type.startsWith('text/html') || !headers.has('Cache-Control')) {
    headers.set('Cache-Control', 'no-store')
  }
}
