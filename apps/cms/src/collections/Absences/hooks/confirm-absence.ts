import type { CollectionAfterChangeHook } from 'payload'

import { idOf, parentUser } from '../../../access/lib/users'
import { queueEmail } from '../../../email/queue-email'
import { absenceConfirmationEmail } from '../../../email/templates/absence-confirmation-email'
import { env } from '../../../lib/env'
import { dutchDay, schoolCalendar } from './absence-facts'

/**
 * The reporting parent gets a confirmation through the outbox (in the report's transaction: no
 * report, no email). Nothing to teachers: they have "Vandaag" in the admin.
 */
export const confirmAbsence: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || doc.channel !== 'portal') return doc
  // `doc` is already what the reporter may read (not `reportedBy`): the reporter is the user.
  const parentId = parentUser(req)?.id ?? idOf(doc.reportedBy)
  if (!parentId) return doc
  const [parent, pupil, { schoolName }] = await Promise.all([
    req.payload.findByID({
      collection: 'parents',
      id: parentId,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    req.payload.findByID({
      collection: 'pupils',
      id: idOf(doc.pupil)!,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    schoolCalendar(req),
  ])
  const mail = await absenceConfirmationEmail({
    schoolName,
    firstName: pupil.firstName,
    day: dutchDay(doc.date),
    kind: doc.kind,
    link: `${env.portalUrl}/absentie`,
  })
  await queueEmail({
    payload: req.payload,
    req,
    email: {
      to: parent.email,
      ...mail,
      kind: 'absence-confirmation',
      idempotencyKey: `absence:${doc.id}`,
    },
  })
  return doc
}
