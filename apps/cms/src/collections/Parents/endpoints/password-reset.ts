import type { Endpoint } from 'payload'

import { env } from '../../../lib/env'
import { forgotPasswordEndpoint } from '../../shared/forgot-password-endpoint'
import { resetPasswordWithToken } from '../../shared/reset-password-endpoint'

/**
 * Replaces Payload's own POST /api/parents/forgot-password (custom endpoints win): the link goes
 * to the portal, the mail goes through the outbox, and the answer never tells whether the address
 * exists or what state the account is in. Only active accounts get a link: an invited parent uses
 * the invitation, a deactivated one nothing.
 */
export const forgotPassword: Endpoint = forgotPasswordEndpoint({
  collection: 'parents',
  link: (token) => `${env.portalUrl}/wachtwoord-herstellen/${token}`,
  mayReset: (parent) => parent.status === 'active',
})

/**
 * Replaces Payload's POST /api/parents/reset-password: hashed token, the password rule, and the
 * portal's answer (a token for its own session cookie, no Payload cookie).
 */
export const resetPassword: Endpoint = {
  path: '/reset-password',
  method: 'post',
  handler: async (req) => {
    const outcome = await resetPasswordWithToken(req, 'parents', (p) => p.status === 'active')
    if (!outcome.ok) return outcome.response
    const { user } = outcome
    return Response.json(
      { ok: true, token: outcome.token, user: { id: user.id, name: user.name, email: user.email } },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
