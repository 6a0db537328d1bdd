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
  data,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const before = (previousDoc as { email?: string } | undefined)?.email
  // An update with `select` returns only the selected fields: without `email` in the answer, the
  // data sent says whether it changed (the accept and calendar-feed endpoints select little).
  const after = typeof doc.email === 'string' ? doc.email : (data as { email?: unknown }).email
  if (operation !== 'update' || !before || typeof after !== 'string' || before === after) return doc
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
