import { isIP } from 'node:net'

/**
 * The client's address, for rate limits.
 *
 * Next.js hands a route handler no socket: `next start` only fills in X-Forwarded-For from the
 * socket when the request came without one (`req.headers['x-forwarded-for'] ??=
 * socket.remoteAddress` in next/dist/server/base-server.js). So the right-most entry is the
 * socket's address for a client that connects directly, and each trusted proxy in front (listed in
 * TRUSTED_PROXIES; the portal counts as one, it forwards the parent's address) adds the address it
 * saw. We take the right-most entry that is not a trusted proxy. Deployment requirement: the CMS
 * is reachable only through those proxies (and the portal), which set X-Forwarded-For themselves;
 * a client that reaches `next start` directly could otherwise choose its own address. The
 * per-account limits do not depend on it.
 */
export function clientAddress(headers: Headers, trustedProxies: readonly string[]): string {
  const chain = parseForwardedFor(headers.get('x-forwarded-for'))
  if (chain.length === 0) return 'unknown'
  const trusted = new Set(trustedProxies.map(normalizeAddress))
  for (let i = chain.length - 1; i >= 0; i--) {
    const entry = chain[i] as string
    if (!trusted.has(entry)) return entry
  }
  // Every hop is a trusted proxy (e.g. everything on 127.0.0.1): the first one is the client.
  return chain[0] as string
}

/** The entries of an X-Forwarded-For header, normalised; garbage entries are kept as one key. */
export function parseForwardedFor(header: string | null): string[] {
  if (!header) return []
  return header
    .split(',')
    .map((entry) => normalizeAddress(entry))
    .filter((entry) => entry.length > 0)
}

/** "::ffff:1.2.3.4" → "1.2.3.4", "[::1]:8080" → "::1", "1.2.3.4:5678" → "1.2.3.4", lower case. */
export function normalizeAddress(raw: string): string {
  let value = raw.trim().toLowerCase().slice(0, 100)
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1] as string
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.replace(/:\d+$/, '')
  if (value.startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7)
  return value
}
