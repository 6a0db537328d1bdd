// A path segment this long is a token (reset, invitation, unsubscribe, iCal …), not a word. A
// record's UUID is not a secret (access is checked on every request) and tells staff which post.
const TOKEN_SEGMENT = /^[A-Za-z0-9_.-]{16,}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * A message's text as staff may read it in "Verzonden e-mail": every link keeps where it points
 * (origin and the readable part of its path) but loses its tokens, query and fragment, so the
 * log shows what was sent without handing out a working link.
 */
export function redactLinks(text: string): string {
  return text.replace(/https?:\/\/[^\s<>"')\]]+/g, (link) => {
    let url: URL
    try {
      url = new URL(link)
    } catch {
      return '[link]'
    }
    const path = url.pathname
      .split('/')
      .map((segment) => (TOKEN_SEGMENT.test(segment) && !UUID.test(segment) ? '…' : segment))
      .join('/')
    return `${url.origin}${path}${url.search || url.hash ? '…' : ''}`
  })
}
