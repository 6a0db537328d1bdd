import type { Endpoint } from 'payload'
import { z } from 'zod'

import { queueEmail } from '../../email/queue-email'
import { passwordResetEmail } from '../../email/templates/password-reset-email'
import { parseJsonBody } from '../../lib/json-body'
import type { Parent, Staff } from '../../payload-types'

export const RESET_VALIDITY_HOURS = 2

const requestBody = z.object({
  email: z.email({ message: 'Vul een geldig e-mailadres in.' }).max(254),
})

const SAME_ANSWER = {
  ok: true,
  message:
    'Als dit e-mailadres bij ons bekend is, ontvang je binnen een paar minuten een e-mail met een link.',
}

type Accounts = { parents: Parent; staff: Staff }

/**
 * POST /api/<collection>/forgot-password, replacing Payload's own (custom endpoints win):
 * - the reset token is written in the request's transaction and the email is queued in that same
 *   transaction. Payload's version sends from inside its transaction and also writes outside it,
 *   which on SQLite waits for its own write lock;
 * - the mail goes through the outbox, in Dutch, with the link where this kind of account resets;
 * - the answer is the same whether or not the address exists, or may reset.
 */
export function forgotPasswordEndpoint<C extends keyof Accounts>({
  collection,
  link,
  mayReset,
}: {
  collection: C
  link: (token: string) => string
  mayReset: (account: Accounts[C]) => boolean
}): Endpoint {
  return {
    path: '/forgot-password',
    method: 'post',
    handler: async (req) => {
      const parsed = await parseJsonBody(req, requestBody)
      if (!parsed.ok) return parsed.response
      const email = parsed.data.email.toLowerCase()
      const found = await req.payload.find({
        collection,
        where: { email: { equals: email } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const account = found.docs[0] as Accounts[C] | undefined
      if (account && mayReset(account)) {
        const token = await req.payload.forgotPassword({
          collection,
          data: { email },
          disableEmail: true,
          expiration: RESET_VALIDITY_HOURS * 60 * 60 * 1000,
          req,
        })
        const settings = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
        const mail = await passwordResetEmail({
          schoolName: settings.schoolName,
          link: link(token),
          validHours: RESET_VALIDITY_HOURS,
        })
        await queueEmail({
          payload: req.payload,
          req,
          email: {
            to: account.email,
            ...mail,
            kind: 'password-reset',
            idempotencyKey: `password-reset:${token}`,
          },
        })
      }
      return Response.json(SAME_ANSWER, { headers: { 'Cache-Control': 'no-store' } })
    },
  }
}
