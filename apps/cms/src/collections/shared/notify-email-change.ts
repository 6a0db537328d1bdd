import type { CollectionAfterChangeHook } from 'payload'

import { queueEmail } from '../../email/queue-email'
import { emailChangedEmail } from '../../email/templates/email-changed-email'

/**
 * When a login address changes (only the school may change one), the old address is told, so a
 * staff member who moves an account to an address of their own and then resets its password
 * cannot do so unnoticed. Queued in the save's transaction: a rolled-back change sends nothing.
 */
export const notifyEmailChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const before = (previousDoc as { email?: string } | undefined)?.email
  if (operation !== 'update' || !before || before === doc.email) return doc
  const settings = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
  const mail = await emailChangedEmail({ schoolName: settings.schoolName, name: doc.name })
  await queueEmail({
    payload: req.payload,
    req,
    email: {
      to: before,
      ...mail,
      kind: 'email-changed',
      idempotencyKey: `email-changed:${collection.slug}:${doc.id}:${doc.updatedAt}`,
    },
  })
  return doc
}
