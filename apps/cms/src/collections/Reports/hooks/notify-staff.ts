import type { CollectionAfterChangeHook } from 'payload'

import { queueEmail } from '../../../email/queue-email'
import { reportEmail } from '../../../email/templates/report-email'
import { idOf } from '../../../access/lib/users'
import { env } from '../../../lib/env'

/**
 * S15: a new report reaches the teachers of the post's groups and every director, through the
 * outbox; a report about a conversation message, or whose text the conduct check flagged, only
 * the directors (issue #14). The email names no child and quotes nothing: a subject, the post
 * title (or "een bericht in een gesprek") and a link.
 */
export const notifyStaffOfReport: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const postId = idOf(doc.post)
  const post = postId
    ? await req.payload.findByID({
        collection: 'posts',
        id: postId,
        depth: 0,
        overrideAccess: true,
        req,
      })
    : null
  // A flagged text is the directors' alone.
  const groupIds = (doc.heldRule ? [] : (post?.groups ?? [])).map((g) =>
    typeof g === 'string' ? g : g.id,
  )
  const groups = groupIds.length
    ? await req.payload.find({
        collection: 'groups',
        where: { id: { in: groupIds } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const teacherIds = groups.docs.flatMap((g) =>
    (g.teachers ?? []).map((t) => (typeof t === 'string' ? t : t.id)),
  )
  const staff = await req.payload.find({
    collection: 'staff',
    where: {
      or: [
        { role: { equals: 'director' } },
        ...(teacherIds.length ? [{ id: { in: teacherIds } }] : []),
      ],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const settings = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
  const mail = await reportEmail({
    schoolName: settings.schoolName,
    postTitle: post?.title ?? null,
    link: `${env.cmsUrl}/admin/collections/reports/${doc.id}`,
  })
  for (const member of staff.docs) {
    await queueEmail({
      payload: req.payload,
      req,
      email: {
        to: member.email,
        ...mail,
        kind: 'report',
        idempotencyKey: `report:${doc.id}:${member.id}`,
      },
    })
  }
  return doc
}
