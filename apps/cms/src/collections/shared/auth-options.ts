import type { Field, IncomingAuthType } from 'payload'

import { env } from '../../lib/env'

/**
 * Shared by both auth collections: sessions are stored server-side so logout (and deactivation)
 * really ends them; Secure cookies in production. `depth: 0`: the user every request loads is
 * the bare document — Payload's default populated a parent's children, their groups and those
 * groups' pupils and teachers on *every* request (issue #11). Payload's lockout is off
 * (maxLoginAttempts 0): it let anyone lock the owner out and answered unknown addresses faster; failed logins are
 * throttled per account and address instead (throttled-login.ts).
 */
export function authOptions(overrides: Partial<IncomingAuthType> = {}): IncomingAuthType {
  return {
    maxLoginAttempts: 0,
    depth: 0,
    useSessions: true,
    tokenExpiration: 8 * 60 * 60,
    cookies: { secure: env.isProduction, sameSite: 'Lax' },
    ...overrides,
  }
}

/**
 * The two columns of Payload's old lockout, kept as they were (hidden, never writable) so the
 * database needs no migration. Nothing reads them any more.
 */
export const retiredLockoutFields: Field[] = [
  {
    name: 'loginAttempts',
    type: 'number',
    defaultValue: 0,
    hidden: true,
    access: { create: () => false, update: () => false },
  },
  {
    name: 'lockUntil',
    type: 'date',
    hidden: true,
    access: { create: () => false, update: () => false },
  },
]
