import type { Endpoint } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import { queueEmail } from '../../email/queue-email'
import { passwordResetEmail } from '../../email/templates/password-reset-email'
import { parseJsonBody } from '../../lib/json-body'
import { consumeAll, requestAddress, tooManyRequests } from '../../lib/rate-limit'
import { createLinkToken } from '../../lib/tokens'
import type { Parent, Staff } from '../../payload-types'

export const RESET_VALIDITY_HOURS = 2

/**
 * Every answer takes at least this long, so a stranger cannot tell from the time whether the
 * address has an account (the email is rendered for unknown addresses too; this hides the few
 * database writes on top).
 */
const ANSWER_FLOOR_MS = 300

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
 * - the account stores only the SHA-256 of the reset token (Payload's own stores the token
 *   itself: a database reader would have a working link); reset-password-endpoint.ts looks the
 *   hash up;
 * - the token is written and the email queued in one transaction (Payload's version sends from
 *   inside its transaction and also writes outside it, which on SQLite waits for its own lock);
 * - the mail goes through the outbox, in Dutch, with the link where this kind of account resets;
 * - the answer is the same, in content and time, whether or not the address exists or may reset;
 * - limited per address (each request can mail that person) and per client address.
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
      const started = Date.now()
      const parsed = await parseJsonBody(req, requestBody)
      if (!parsed.ok) return parsed.response
      const email = parsed.data.email.toLowerCase()
      const limit = await consumeAll(req, [
        ['forgotIp', requestAddress(req)],
        ['forgotAddress', `${collection}:${email}`],
      ])
      if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds)

      const found = await req.payload.find({
        collection,
        where: { email: { equals: email } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const account = found.docs[0] as Accounts[C] | undefined
      const { token, tokenHash } = createLinkToken()
      const settings = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
      // Rendered whether or not it is sent: the same work for every address.
      const mail = await passwordResetEmail({
        schoolName: settings.schoolName,
        link: link(token),
        validHours: RESET_VALIDITY_HOURS,
      })
      if (account && mayReset(account)) {
        const shouldCommit = await initTransaction(req)
        try {
          await req.payload.db.updateOne({
            collection,
            id: account.id,
            data: {
              resetPasswordToken: tokenHash,
              resetPasswordExpiration: new Date(
                Date.now() + RESET_VALIDITY_HOURS * 60 * 60 * 1000,
              ).toISOString(),
            },
            req,
            returning: false,
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
          if (shouldCommit) await commitTransaction(req)
        } catch (error) {
          await killTransaction(req)
          throw error
        }
      }
      const wait = ANSWER_FLOOR_MS - (Date.now() - started)
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      return Response.json(SAME_ANSWER, { headers: { 'Cache-Control': 'no-store' } })
    },
  }
}
