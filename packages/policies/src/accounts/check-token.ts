/**
 * Single-use links (invitations, password resets) and their lifetimes. The token is random and
 * only its hash is stored; these helpers decide validity from stored facts and a given `now`.
 */
export const INVITATION_VALIDITY_DAYS = 7

export type TokenState = {
  expiresAt: string | Date
  usedAt?: string | Date | null
  revokedAt?: string | Date | null
}

export type CheckTokenResult = { ok: true } | { ok: false; reason: 'used' | 'revoked' | 'expired' }

/** Used beats revoked beats expired: the parent is told the most useful thing first. */
export function checkToken({ token, now }: { token: TokenState; now: Date }): CheckTokenResult {
  if (token.usedAt) return { ok: false, reason: 'used' }
  if (token.revokedAt) return { ok: false, reason: 'revoked' }
  if (new Date(token.expiresAt).getTime() <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true }
}

export function getInvitationExpiry({
  now,
  days = INVITATION_VALIDITY_DAYS,
}: {
  now: Date
  days?: number
}): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000)
}
