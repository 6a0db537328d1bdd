import { isIP } from 'node:net'

/**
 * The client's address for rate limits, the same in both apps: the address of the connection,
 * unless that is one of TRUSTED_PROXIES; then the right-most X-Forwarded-For entry that is not a
 * trusted proxy (each trusted hop appends the address it saw; anything left of the first
 * untrusted hop was written by the client and proves nothing).
 */
export function resolveClientAddress(input: {
  /** The address of the connection (the socket's). */
  peer: string
  forwardedFor: string | null
  trustedProxies: readonly string[]
}): string {
  const peer = normalizeAddress(input.peer)
  const trusted = new Set(input.trustedProxies.map(normalizeAddress))
  if (!trusted.has(peer)) return peer
  const chain = parseForwardedFor(input.forwardedFor)
  for (let i = chain.length - 1; i >= 0; i--) {
    const entry = chain[i] as string
    if (!trusted.has(entry)) return entry
  }
  // Every hop is a trusted proxy (e.g. everything on 127.0.0.1): the first one is the client.
  return chain[0] ?? peer
}

/**
 * The same rule when the server only sees X-Forwarded-For: Next.js gives a route handler no
 * socket, and `next start` writes the socket's address into X-Forwarded-For only when the
 * request came without one. So the right-most entry stands for the connection — which is why the
 * CMS must be reachable only through trusted proxies (and the portal), which set the header.
 */
export function clientAddressFromForwardedFor(
  header: string | null,
  trustedProxies: readonly string[],
): string {
  const chain = parseForwardedFor(header)
  const peer = chain.pop()
  if (peer === undefined) return 'unknown'
  return resolveClientAddress({ peer, forwardedFor: chain.join(','), trustedProxies })
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

export type TrustedProxiesResult = { ok: true; list: string[] } | { ok: false; message: string }

/** TRUSTED_PROXIES (both apps): comma-separated IP addresses, empty → none. */
export function parseTrustedProxies(value: string | undefined): TrustedProxiesResult {
  const list = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of list) {
    if (isIP(entry) === 0) {
      return {
        ok: false,
        message: `TRUSTED_PROXIES moet een lijst IP-adressen zijn, gescheiden door komma's (bv. "127.0.0.1,::1"); "${entry}" is geen IP-adres.`,
      }
    }
  }
  return { ok: true, list }
}
