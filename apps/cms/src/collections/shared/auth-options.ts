import type { IncomingAuthType } from 'payload'

import { env } from '../../lib/env'

/**
 * Shared by both auth collections: 5 failed logins lock the account for 15 minutes; sessions are
 * stored server-side so logout (and deactivation) really ends them; Secure cookies in production.
 */
export function authOptions(overrides: Partial<IncomingAuthType> = {}): IncomingAuthType {
  return {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    useSessions: true,
    tokenExpiration: 8 * 60 * 60,
    cookies: { secure: env.isProduction, sameSite: 'Lax' },
    ...overrides,
  }
}
