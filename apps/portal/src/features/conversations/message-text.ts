import { linkifyit } from 'linkify-it'

/**
 * A message is plain text (S6): shown as text with its line breaks, its web addresses and email
 * addresses made clickable — never HTML. Only http(s) and mailto links become links; anything
 * else (`javascript:`, `data:`, a `file:` path) stays text.
 */

export type TextSegment =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

// Addresses without a scheme ("www.school.nl/rooster", "info@school.nl") are links too: that is
// how people type them.
const linkify = linkifyit({ fuzzyLink: true, fuzzyEmail: true })

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** The link's address when it is a web or email address, else `null`. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url)
    return ALLOWED_PROTOCOLS.has(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

export function messageSegments(text: string): TextSegment[] {
  const matches = linkify.match(text) ?? []
  const segments: TextSegment[] = []
  let at = 0
  for (const match of matches) {
    // An address typed without a scheme is opened over https.
    const url = match.schema === '' ? match.url.replace(/^http:\/\//, 'https://') : match.url
    const href = safeHref(url)
    if (!href) continue
    if (match.index > at) segments.push({ kind: 'text', text: text.slice(at, match.index) })
    segments.push({ kind: 'link', text: match.raw, href })
    at = match.lastIndex
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) })
  return segments
}
