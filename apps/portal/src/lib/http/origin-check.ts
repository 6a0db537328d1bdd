/**
 * The portal's CSRF origin check: Astro's own `security.checkOrigin` rule, with one exception,
 * the RFC 8058 one-click unsubscribe POST to `/afmelden/<token>`.
 *
 * Why not Astro's own check: in Astro 7 it is one switch for the whole app (the same predicate in
 * its middleware, its page handler and its actions handler, all gated by `checkOrigin`), with no
 * per-route opt-out. It refuses every form POST whose Origin header is not the portal's own, and
 * also every POST without a content type and without that Origin. A mail provider's one-click
 * unsubscribe comes from the provider's servers: `List-Unsubscribe=One-Click` as
 * application/x-www-form-urlencoded with no Origin header (or the provider's own), so Astro would
 * answer 403 and the parent would keep getting email. astro.config therefore sets
 * `checkOrigin: false` and installs this check as the very first middleware instead (`order: 'pre'`),
 * where Astro's own stood; every other request gets exactly Astro's rule.
 *
 * Why the exception is safe: that route reads no cookie and no session. The token in its URL is
 * the only authority: it is signed by the CMS, names one parent and one kind of email, and the
 * only thing it can do is switch that email off. A cross-site POST there can do nothing that
 * following the link from the email cannot. The exception is as narrow as possible: POST only,
 * exactly `/afmelden/<one segment>`, and no query string at all, so no Astro action
 * (`?_action=…`, which would run with the parent's cookies) can ride on it.
 */

const FORM_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS']

/** `/afmelden/<token>`: one path segment after the prefix (an optional trailing slash). */
const UNSUBSCRIBE_ROUTE = /^\/afmelden\/[^/]+\/?$/

/** Whether a content type is one a plain HTML form (or a cross-site fetch without preflight) can send. */
export function hasFormLikeContentType(contentType: string | null): boolean {
  if (!contentType) return false
  const lower = contentType.toLowerCase()
  return FORM_CONTENT_TYPES.some((type) => lower.includes(type))
}

/** The one request that may come from anywhere: an RFC 8058 one-click unsubscribe POST. */
export function isOneClickUnsubscribe(request: Request, url: URL): boolean {
  return request.method === 'POST' && url.search === '' && UNSUBSCRIBE_ROUTE.test(url.pathname)
}

/**
 * Astro 7's `isForbiddenCrossOriginRequest` (core/app/origin-check.js), plus the unsubscribe
 * exception: a state-changing request is refused when it is a form-like submission (or has no
 * content type) and its Origin header is not the portal's own origin.
 */
export function isForbiddenCrossSiteRequest(
  request: Request,
  url: URL,
  isPrerendered: boolean,
): boolean {
  if (isPrerendered) return false
  if (SAFE_METHODS.includes(request.method)) return false
  if (isOneClickUnsubscribe(request, url)) return false
  const isSameOrigin = request.headers.get('origin') === url.origin
  if (request.headers.has('content-type')) {
    return hasFormLikeContentType(request.headers.get('content-type')) && !isSameOrigin
  }
  return !isSameOrigin
}

/** The answer Astro gives a refused request. */
export function crossSiteForbiddenResponse(request: Request): Response {
  return new Response(`Cross-site ${request.method} form submissions are forbidden`, {
    status: 403,
  })
}
