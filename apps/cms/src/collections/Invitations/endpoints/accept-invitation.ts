import { checkPassword, PASSWORD_MESSAGES } from '@schoolpost/policies'
import type { Endpoint } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import { jsonError, parseJsonBody } from '../../../lib/json-body'
import { SPENT_TOKEN_KEEP_MS, spendOnce } from '../../../db/shared-state'
import { consume, requestAddress, tooManyRequests } from '../../../lib/rate-limit'
import { findInvitation, INVITATION_MESSAGES } from '../find-invitation'

const body = z.object({
  token: z.string({ message: 'De link is onvolledig.' }).min(20, 'De link is onvolledig.').max(200),
  password: z.string({ message: 'Kies een wachtwoord.' }).max(1024),
})

/**
 * The parent chooses a password: the link is spent, the account becomes active and the parent is
 * logged in — all in one transaction, so a failure leaves the invitation usable.
 */
export const acceptInvitation: Endpoint = {
  path: '/accept',
  method: 'post',
  handler: async (req) => {
    // Link tokens are unguessable; the limit keeps one address from hammering the endpoint.
    const limit = await consume(req, 'tokenIp', requestAddress(req))
    if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds)
    const parsed = await parseJsonBody(req, body)
    if (!parsed.ok) return parsed.response
    const lookup = await findInvitation(req, parsed.data.token)
    if (!lookup.ok)
      return jsonError(
        lookup.code === 'invalid' ? 404 : 410,
        lookup.code,
        INVITATION_MESSAGES[lookup.code],
      )
    const { invitation, parent } = lookup

    const strength = checkPassword({
      password: parsed.data.password,
      personal: [parent.email, parent.name],
    })
    if (!strength.ok) return jsonError(400, 'weak-password', PASSWORD_MESSAGES[strength.reason])

    const shouldCommit = await initTransaction(req)
    try {
      // Spend the link first: of two simultaneous accepts only one can win — by a unique insert
      // (every database enforces it, with or without transactions), then the conditional update.
      const first = await spendOnce(req.payload, {
        id: `invitation:${invitation.id}`,
        expire: Date.now() + SPENT_TOKEN_KEEP_MS,
        scope: { req },
      })
      if (!first) {
        await killTransaction(req)
        return jsonError(410, 'used', INVITATION_MESSAGES.used)
      }
      const spent = await req.payload.update({
        collection: 'invitations',
        where: { and: [{ id: { equals: invitation.id } }, { usedAt: { exists: false } }] },
        data: { usedAt: new Date().toISOString() },
        overrideAccess: true,
        depth: 0,
        req,
      })
      if (spent.docs.length !== 1) {
        await killTransaction(req)
        return jsonError(410, 'used', INVITATION_MESSAGES.used)
      }
      await req.payload.update({
        collection: 'parents',
        id: parent.id,
        data: {
          password: parsed.data.password,
          status: 'active',
        },
        overrideAccess: true,
        depth: 0,
        req,
      })
      if (shouldCommit) await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }

    const login = await req.payload.login({
      collection: 'parents',
      data: { email: parent.email, password: parsed.data.password },
    })
    return Response.json(
      {
        ok: true,
        token: login.token,
        exp: login.exp,
        user: { id: parent.id, name: parent.name, email: parent.email },
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
