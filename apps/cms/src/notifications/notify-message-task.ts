import { chooseNotificationMode } from '@schoolpost/policies'
import type { PayloadRequest, TaskConfig, Where } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { idOf } from '../access/lib/users'
import { SPENT_TOKEN_KEEP_MS, spendOnce } from '../db/shared-state'
import { queueEmail } from '../email/queue-email'
import { conversationMessageEmail } from '../email/templates/conversation-emails'
import { env } from '../lib/env'
import { unsubscribeUrl } from './compose-notification-emails'

export const messageEmailKey = (message: string, parent: string) =>
  `message:${message}:parent:${parent}`

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

/**
 * The parents who take part in a conversation now (S6, S7), as `conversations-access.ts` decides
 * it: in a kind-gesprek every guardian of the pupil, in a question only the parent who asked.
 * Only active accounts get email (`chooseNotificationMode`).
 */
export async function participatingParents(
  req: PayloadRequest,
  message: { pupil?: unknown; kind?: string | null; starterParent?: unknown },
) {
  const pupil = idOf(message.pupil as string | null)
  if (!pupil) return []
  const where: Where =
    message.kind === 'teacher'
      ? {
          and: [
            { children: { in: [pupil] } },
            { id: { equals: idOf(message.starterParent as string | null) ?? '' } },
          ],
        }
      : { children: { in: [pupil] } }
  const found = await req.payload.find({
    collection: 'parents',
    where,
    ...all,
    req,
    select: { email: true, status: true, notifications: true },
  })
  return found.docs
}

/**
 * Parents hear about a new message from the school in their conversation (S6, S7, issue #14):
 * one email per participating parent who wants it — no message text, who wrote about which child
 * and a link to the thread. Queued by the message's save and run by the queue, so who takes part
 * and what they want is checked when the email is made: a guardian unlinked or deactivated in the
 * meantime, a message hidden by staff, gets nothing. A parent's own message never comes here.
 *
 * "Dagelijks overzicht" does not apply to messages (the parents' field offers direct or off); a
 * stored "digest" is sent directly. Idempotent: every (message, parent) is spent once, in the
 * same transaction as the queued email, so a retried job never sends twice.
 */
export const notifyMessageTask: TaskConfig<{
  input: { message: string }
  output: { status: string; queued: number }
}> = {
  slug: 'notifyMessage',
  label: 'Ouders melden: nieuw bericht in een gesprek',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  inputSchema: [{ name: 'message', type: 'text', required: true }],
  outputSchema: [
    { name: 'status', type: 'text', required: true },
    { name: 'queued', type: 'number', required: true },
  ],
  handler: async ({ input, req }) => {
    const nothing = (status: string) => ({ output: { status, queued: 0 } })
    const message = await req.payload.findByID({
      collection: 'messages',
      id: input.message,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
      select: {
        conversation: true,
        status: true,
        authorStaff: true,
        pupil: true,
        kind: true,
        starterParent: true,
      },
    })
    if (!message) return nothing('deleted')
    if (message.status !== 'delivered') return nothing('not-delivered')
    const staffId = idOf(message.authorStaff)
    if (!staffId) return nothing('not-from-school')

    const [parents, staff, pupil, settings] = await Promise.all([
      participatingParents(req, message),
      req.payload.findByID({
        collection: 'staff',
        id: staffId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
        select: { name: true },
      }),
      req.payload.findByID({
        collection: 'pupils',
        id: idOf(message.pupil)!,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
        select: { firstName: true },
      }),
      req.payload.findGlobal({ slug: 'school-settings', depth: 0, req }),
    ])
    if (!pupil) return nothing('deleted')
    const wanting = parents.filter(
      (parent) =>
        chooseNotificationMode({
          kind: 'messages',
          accountStatus: parent.status,
          preferences: parent.notifications,
        }).send,
    )
    if (wanting.length === 0) return nothing('nobody')

    // Rendered once; each parent's own unsubscribe link is filled in (URL-safe, so exact).
    const placeholder = 'https://unsubscribe.placeholder.invalid/x'
    const mail = await conversationMessageEmail({
      schoolName: settings.schoolName,
      staffName: staff?.name ?? 'De school',
      childFirstName: pupil.firstName,
      link: `${env.portalUrl}/gesprekken/${idOf(message.conversation)}`,
      unsubscribeUrl: placeholder,
    })

    const shouldCommit = await initTransaction(req)
    try {
      let queued = 0
      for (const parent of wanting) {
        const key = messageEmailKey(message.id, parent.id)
        const first = await spendOnce(req.payload, {
          id: key,
          expire: Date.now() + SPENT_TOKEN_KEEP_MS,
          scope: { req },
        })
        if (!first) continue
        const url = unsubscribeUrl(parent.id, 'messages')
        await queueEmail({
          payload: req.payload,
          email: {
            to: parent.email,
            subject: mail.subject,
            html: mail.html.replaceAll(placeholder, url),
            text: mail.text.replaceAll(placeholder, url),
            kind: 'notify-messages',
            idempotencyKey: key,
            headers: {
              'List-Unsubscribe': `<${url}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
          },
          req,
        })
        queued++
      }
      if (shouldCommit) await commitTransaction(req)
      return { output: { status: 'queued', queued } }
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
  },
}
