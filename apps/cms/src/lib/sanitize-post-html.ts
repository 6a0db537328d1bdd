import sanitizeHtml from 'sanitize-html'

/**
 * The only markup a post body may carry to a parent's browser. The portal renders the result as
 * HTML, so this list (and nothing the editor or the stored JSON claims) decides what reaches it.
 */
export const POST_HTML_ALLOWED_TAGS = [
  'p',
  'br',
  'h2',
  'h3',
  'strong',
  'em',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
] as const

/** Link schemes a parent may follow; everything else (javascript:, data:, relative…) loses its link. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** The rel every link gets: no opener, no referrer, no endorsement of the target. */
export const POST_LINK_REL = 'noopener noreferrer nofollow'

/**
 * An absolute http(s) URL with a host, or a mailto: address, written out exactly so: no leading
 * whitespace or control characters a browser would skip, and a parse that agrees with the text.
 */
export function isSafePostLink(href: string): boolean {
  if (!/^(?:https?:\/\/|mailto:)/i.test(href)) return false
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return false
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return false
  return url.protocol === 'mailto:' ? url.pathname.length > 0 : url.hostname.length > 0
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...POST_HTML_ALLOWED_TAGS],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  // Disallowed tags go, their text stays; script, style and the like go with their content.
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href?.trim()
      // No usable link: no attributes, and the anchor is removed below (its text stays).
      const safe: sanitizeHtml.Attributes =
        href && isSafePostLink(href) ? { href, rel: POST_LINK_REL, target: '_blank' } : {}
      return { tagName, attribs: safe }
    },
  },
  exclusiveFilter: (frame) => (frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false),
}

/** The post body's HTML reduced to the allowlist above: safe to insert into a page as is. */
export function sanitizePostHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS)
}
