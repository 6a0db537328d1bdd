/**
 * Where to send a parent after logging in: only a path on the portal itself. Anything that could
 * leave the origin (`//evil.test`, `https://evil.test`, `/\evil.test`, `javascript:`…) gives the
 * fallback, and so do the login, logout, invitation and password pages themselves (no loops, no
 * spent links).
 */

const PLACEHOLDER_ORIGIN = 'http://portal.invalid'
const MAX_LENGTH = 2000
const NOT_AFTER_LOGIN = [
  '/inloggen',
  '/uitloggen',
  '/uitnodiging',
  '/wachtwoord-vergeten',
  '/wachtwoord-herstellen',
  '/_actions',
  '/_server-islands',
]

export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback
  // Only absolute paths; never scheme-relative ones or backslashes (browsers read `\` as `/`).
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback
  // Control characters and spaces are stripped or rejected differently by URL parsers.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(value)) return fallback
  let url: URL
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback
  const lower = url.pathname.toLowerCase()
  if (NOT_AFTER_LOGIN.some((p) => lower === p || lower.startsWith(`${p}/`))) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

/** The login page for someone who wanted `url` (a `?terug=` only when it says something). */
export function loginPathFor(url: URL): string {
  const back = safeRedirectPath(`${url.pathname}${url.search}`, '/')
  return back === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`
}
