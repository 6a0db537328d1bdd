import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../../../access/lib/users'
import { queueEmail } from '../../../email/queue-email'
import { feedbackAnsweredEmail } from '../../../email/templates/feedback-answered-email'
import { env } from '../../../lib/env'
import type { Feedback } from '../../../payload-types'

/**
 * A new or changed answer emails the parent who sent the feedback (through the outbox, in the
 * answer's own transaction), once per answer: the key names the answer's time, so saving the
 * status again sends nothing. A deactivated account gets no email.
 */
export const notifyAnswer: CollectionAfterChangeHook<Feedback> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !doc.answer || !doc.answeredAt) return doc
  if (doc.answeredAt === previousDoc?.answeredAt) return doc
  const parentId = idOf(doc.parent as string | { id: string } | null)
  if (!parentId) return doc
  const [parent, settings] = await Promise.all([
    req.payload.db.findOne<{ id: string; email?: string; status?: string }>({
      collection: 'parents',
      where: { id: { equals: parentId } },
      req,
    }),
    req.payload.findGlobal({ slug: 'school-settings', select: { schoolName: true } }),
  ])
  if (!parent?.email || parent.status === 'deactivated') return doc
  const mail = await feedbackAnsweredEmail({
    schoolName: settings.schoolName,
    link: `${env.portalUrl}/feedback`,
  })
  await queueEmail({
    payload: req.payload,
    req,
    email: {
      to: parent.email,
      ...mail,
      kind: 'feedback-answer',
      idempotencyKey: `feedback-answer:${doc.id}:${doc.answeredAt}`,
    },
  })
  return doc
}
