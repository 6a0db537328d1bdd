import { checkPassword, PASSWORD_MESSAGES } from '@schoolpost/policies'
import type { Endpoint } from 'payload'
import { z } from 'zod'

import { jsonError } from '../../lib/json-body'
import { verifyPassword } from '../../lib/password-hash'
import { consume, tooManyRequests } from '../../lib/rate-limit'
import { readBody } from './read-body'

const body = z.object({
  currentPassword: z
    .string({ message: 'Vul je huidige wachtwoord in.' })
    .min(1, 'Vul je huidige wachtwoord in.')
    .max(1024),
  newPassword: z.string({ message: 'Kies een nieuw wachtwoord.' }).max(1024),
})

type Session = { id: string; createdAt?: string | null; expiresAt: string }

/**
 * POST /api/<collection>/change-password `{ currentPassword, newPassword }`: the only way for a
 * logged-in user to change their own password. It proves the current password (a stolen session
 * alone cannot take the account over), applies the password rule, and ends every other session
 * of the account (the current one stays logged in). Attempts are limited per account.
 */
export function changePasswordEndpoint(collection: 'parents' | 'staff'): Endpoint {
  return {
    path: '/change-password',
    method: 'post',
    handler: async (req) => {
      const user = req.user
      if (!user || user.collection !== collection) {
        return jsonError(401, 'signed-out', 'Log eerst in om je wachtwoord te wijzigen.')
      }
      const limit = await consume(req, 'changePassword', `${collection}:${user.id}`)
      if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds)
      const parsed = await readBody(req, body)
      if (!parsed.ok) return parsed.response
      const { currentPassword, newPassword } = parsed.data

      const account = (await req.payload.db.findOne({
        collection,
        where: { id: { equals: user.id } },
        req,
      })) as {
        email: string
        name: string
        hash?: string
        salt?: string
        sessions?: Session[]
      } | null
      if (!account || !(await verifyPassword(account, currentPassword))) {
        return jsonError(400, 'wrong-password', 'Je huidige wachtwoord klopt niet.')
      }
      if (newPassword === currentPassword) {
        return jsonError(400, 'same-password', 'Kies een ander wachtwoord dan je huidige.')
      }
      const strength = checkPassword({
        password: newPassword,
        personal: [account.email, account.name],
      })
      if (!strength.ok) return jsonError(400, 'weak-password', PASSWORD_MESSAGES[strength.reason])

      // Payload's JWT strategy puts the token's session id on the user.
      const currentSession = (user as { _sid?: string })._sid
      await req.payload.update({
        collection,
        id: user.id,
        data: {
          password: newPassword,
          sessions: (account.sessions ?? []).filter((s) => s.id === currentSession),
        },
        overrideAccess: true,
        depth: 0,
        req,
      })
      return Response.json(
        {
          ok: true,
          message: 'Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.',
        },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    },
  }
}
