import { describe, expect, it } from 'vitest'

import { checkToken, getInvitationExpiry } from './check-token'

const now = new Date('2026-11-28T10:00:00Z')

describe('checkToken', () => {
  it('is valid before its expiry and expired at or after it', () => {
    const expiresAt = getInvitationExpiry({ now })
    expect(expiresAt.toISOString()).toBe('2026-12-05T10:00:00.000Z')
    expect(checkToken({ token: { expiresAt }, now })).toEqual({ ok: true })
    expect(checkToken({ token: { expiresAt }, now: new Date('2026-12-05T09:59:59Z') })).toEqual({
      ok: true,
    })
    expect(checkToken({ token: { expiresAt }, now: expiresAt })).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('reports used before revoked before expired', () => {
    const expiresAt = '2026-11-01T00:00:00Z'
    expect(
      checkToken({
        token: { expiresAt, usedAt: '2026-10-30T00:00:00Z', revokedAt: '2026-10-31T00:00:00Z' },
        now,
      }),
    ).toEqual({
      ok: false,
      reason: 'used',
    })
    expect(checkToken({ token: { expiresAt, revokedAt: '2026-10-31T00:00:00Z' }, now })).toEqual({
      ok: false,
      reason: 'revoked',
    })
    expect(checkToken({ token: { expiresAt, usedAt: null, revokedAt: null }, now })).toEqual({
      ok: false,
      reason: 'expired',
    })
  })
})
