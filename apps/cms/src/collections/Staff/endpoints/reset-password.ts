import type { Endpoint } from 'payload'
import { headersWithCors } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import { resetPasswordWithToken } from '../../shared/reset-password-endpoint'

/**
 * Replaces Payload's POST /api/staff/reset-password, which the admin's /admin/reset/<token> page
 * posts to: same answer (message, token, user and Payload's cookie, so the page logs the user in),
 * but the token is looked up by its hash and the password rule applies.
 */
export const resetPassword: Endpoint = {
  path: '/reset-password',
  method: 'post',
  handler: async (req) => {
    const outcome = await resetPasswordWithToken(req, 'staff', () => true)
    if (!outcome.ok) return outcome.response
    const cookie = generatePayloadCookie({
      collectionAuthConfig: req.payload.collections.staff.config.auth,
      cookiePrefix: req.payload.config.cookiePrefix,
      token: outcome.token,
    })
    return Response.json(
      {
        message: req.t('authentication:passwordResetSuccessfully'),
        token: outcome.token,
        user: outcome.user,
      },
      {
        headers: headersWithCors({
          headers: new Headers({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store' }),
          req,
        }),
      },
    )
  },
}
