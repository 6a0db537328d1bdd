import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../../../access/lib/users'
import { queueEmail } from '../../../email/queue-email'
import {
  leaveDecidedEmail,
  leaveRequestedEmail,
} from '../../../email/templates/leave-request-email'
import { env } from '../../../lib/env'

/**
 * Through the outbox, in the save's transaction: a new request to every director; a decision to
 * the parent who asked. Neither email says why or what was decided — the portal and admin do.
 */
export const notifyLeaveRequest: CollectionAfterChangeHook = async ({
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const decided =
    operation === 'update' &&
    previousDoc?.status === 'requested' &&
    (doc.status === 'approved' || doc.status === 'refused')
  if (operation !== 'create' && !decided) return doc
  const settings = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
  if (operation === 'create') {
    const directors = await req.payload.find({
      collection: 'staff',
      where: { role: { equals: 'director' } },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const mail = await leaveRequestedEmail({
      schoolName: settings.schoolName,
      late: Boolean(doc.late),
      link: `${env.cmsUrl}/admin/collections/leave-requests/${doc.id}`,
    })
    for (const director of directors.docs) {
      await queueEmail({
        payload: req.payload,
        req,
        email: {
          to: director.email,
          ...mail,
          kind: 'leave-request',
          idempotencyKey: `leave:${doc.id}:${director.id}`,
        },
      })
    }
    return doc
  }
  // The decision is the director's save: `requestedBy` is readable to them (and stored anyway).
  const stored = await req.payload.findByID({
    collection: 'leave-requests',
    id: doc.id,
    depth: 0,
    overrideAccess: true,
    req,
    select: { requestedBy: true },
  })
  const parentId = idOf(stored.requestedBy)
  if (!parentId) return doc
  const [parent, pupil] = await Promise.all([
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
  ])
  const mail = await leaveDecidedEmail({
    schoolName: settings.schoolName,
    firstName: pupil.firstName,
    link: `${env.portalUrl}/absentie`,
  })
  await queueEmail({
    payload: req.payload,
    req,
    email: {
      to: parent.email,
      ...mail,
      kind: 'leave-decision',
      idempotencyKey: `leave-decision:${doc.id}`,
    },
  })
  return doc
}
