import type { ResendStub, StubEmail } from '../../support/resend-stub'

/**
 * Every test file gets a local Resend-compatible stub as its email provider (started by
 * `tests/int/setup-mail-stub.ts` before the CMS configuration loads). Tests read links from what
 * the "provider" received — never from the database, which must not hold a working secret.
 */
export function mailStub(): ResendStub {
  const stub = (globalThis as { __schoolpostMailStub?: ResendStub }).__schoolpostMailStub
  if (!stub) throw new Error('The mail stub is not running (tests/int/setup-mail-stub.ts)')
  return stub
}

/** The emails the provider received for one address, newest first. */
export function deliveredTo(to: string, stub: ResendStub = mailStub()): StubEmail[] {
  return stub.delivered.filter((m) => m.to.includes(to)).reverse()
}

/** The token at the end of the first `<path>/<token>` link in a message. */
export function linkFrom(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s"<>]+${path}/([A-Za-z0-9_.-]+)`).exec(text)
  if (!match?.[1]) throw new Error(`No ${path} link in: ${text}`)
  // A sentence may end right after the link; a token never ends with a dot.
  return match[1].replace(/\.+$/, '')
}

/** A message's text without its links: what a reader sees apart from the (random) tokens. */
export function withoutLinks(text: string): string {
  return text.replace(/https?:\/\/\S+/g, '')
}
