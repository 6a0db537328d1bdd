import { checkPassword, PASSWORD_MESSAGES } from '@schoolpost/policies'
import type { Endpoint } from 'payload'
import { APIError } from 'payload'
import { z } from 'zod'

import { env } from '../../../lib/env'
import { jsonError, parseJsonBody } from '../../../lib/json-body'
import { forgotPasswordEndpoint } from '../../shared/forgot-password-endpoint'

const resetBody = z.object({
  token: z.string({ message: 'De link is onvolledig.' }).min(20, 'De link is onvolledig.').max(200),
  password: z.string({ message: 'Kies een wachtwoord.' }).max(1024),
})

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

/** Replaces Payload's POST /api/parents/reset-password so the password rule is always applied. */
export const resetPassword: Endpoint = {
  path: '/reset-password',
  method: 'post',
  handler: async (req) => {
    const parsed = await parseJsonBody(req, resetBody)
    if (!parsed.ok) return parsed.response
    const found = await req.payload.find({
      collection: 'parents',
      where: {
        and: [
          { resetPasswordToken: { equals: parsed.data.token } },
          { resetPasswordExpiration: { greater_than: new Date().toISOString() } },
        ],
      },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
      req,
    })
    const parent = found.docs[0]
    if (!parent || parent.status !== 'active') {
      return jsonError(
        410,
        'invalid-token',
        'Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan.',
      )
    }
    const strength = checkPassword({
      password: parsed.data.password,
      personal: [parent.email, parent.name],
    })
    if (!strength.ok) return jsonError(400, 'weak-password', PASSWORD_MESSAGES[strength.reason])
    try {
      const result = await req.payload.resetPassword({
        collection: 'parents',
        data: { token: parsed.data.token, password: parsed.data.password },
        overrideAccess: true,
        req,
      })
      return Response.json(
        {
          ok: true,
          token: result.token,
          user: { id: parent.id, name: parent.name, email: parent.email },
        },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    } catch (error) {
      if (error instanceof APIError && error.status < 500) {
        return jsonError(
          410,
          'invalid-token',
          'Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan.',
        )
      }
      throw error
    }
  },
}
