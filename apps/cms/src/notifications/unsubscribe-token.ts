import { createHmac, timingSafeEqual } from 'node:crypto'

import { NOTIFICATION_KINDS, type NotificationKind } from '@schoolpost/policies'

/** A kind of email (news, group posts, messages), or `digest`: every kind sent as a daily digest. */
export type UnsubscribeScope = NotificationKind | 'digest'
export type UnsubscribeClaim = { parentId: string; kind: UnsubscribeScope }

// A key of its own, derived from the CMS secret: an unsubscribe link can never serve as anything else.
const keyFor = (secret: string) =>
  createHmac('sha256', secret).update('schoolpost:unsubscribe:v1').digest()

/**
 * A signed, stable token for the one-click unsubscribe link in every notification (C1, RFC 8058):
 * who and which kind of email, nothing else. It does not expire (old emails must keep working)
 * and can only ever switch that one preference to "uit".
 */
export function createUnsubscribeToken({
  claim,
  secret,
}: {
  claim: UnsubscribeClaim
  secret: string
}): string {
  const body = Buffer.from(`${claim.kind}.${claim.parentId}`).toString('base64url')
  const mac = createHmac('sha256', keyFor(secret)).update(body).digest('base64url')
  return `${body}.${mac}`
}

/** The claim of a genuine token; `null` for anything forged, altered or malformed. */
export function readUnsubscribeToken({
  token,
  secret,
}: {
  token: string
  secret: string
}): UnsubscribeClaim | null {
  const [body, mac, extra] = token.split('.')
  if (!body || !mac || extra !== undefined) return null
  const expected = createHmac('sha256', keyFor(secret)).update(body).digest()
  const given = Buffer.from(mac, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  const [kind, parentId] = Buffer.from(body, 'base64url').toString('utf8').split('.')
  const known = kind === 'digest' || (NOTIFICATION_KINDS as readonly string[]).includes(kind ?? '')
  if (!known || !parentId) return null
  return { kind: kind as UnsubscribeScope, parentId }
}
