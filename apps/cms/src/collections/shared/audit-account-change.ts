import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { recordAuditEvent } from '../AuditEvents/record'

const ROLE = { director: 'Directie', teacher: 'Leerkracht', office: 'Administratie' } as const
const STATUS = { invited: 'Uitgenodigd', active: 'Actief', deactivated: 'Gedeactiveerd' } as const

type Account = {
  id: string
  name?: string | null
  email?: string | null
  role?: keyof typeof ROLE | null
  status?: keyof typeof STATUS | null
}

const subjectOf = (collection: string, doc: Account) => ({
  type: collection === 'staff' ? ('staff' as const) : ('parent' as const),
  id: String(doc.id),
  name: doc.name ?? null,
})

/**
 * The security log of an account (staff and parents): a staff member's role given or changed, a
 * parent's status changed (deactivated, reactivated), a login address changed. Written in the
 * change's own transaction. A parent account created by the import is not logged (400 rows of
 * noise); it becomes active when the parent accepts the invitation, which is.
 */
export const auditAccountChange: CollectionAfterChangeHook<Account> = async ({
  collection,
  context,
  doc,
  previousDoc,
  operation,
  req,
}) => {
  // An erasure logs itself once, without names (Parents/erasure/erase-family.ts).
  if (context.erasure) return doc
  const subject = subjectOf(collection.slug, doc)
  if (
    collection.slug === 'staff' &&
    doc.role &&
    (operation === 'create' || previousDoc?.role !== doc.role)
  ) {
    await recordAuditEvent(req, {
      type: 'role-changed',
      subject,
      summary:
        operation === 'create' || !previousDoc?.role
          ? `Account aangemaakt met de rol ${ROLE[doc.role]}.`
          : `Rol gewijzigd van ${ROLE[previousDoc.role]} naar ${ROLE[doc.role]}.`,
    })
  }
  if (operation !== 'update') return doc
  if (doc.status && previousDoc?.status && doc.status !== previousDoc.status) {
    await recordAuditEvent(req, {
      type: 'account-changed',
      subject,
      summary: `Status gewijzigd van ${STATUS[previousDoc.status]} naar ${STATUS[doc.status]}.`,
    })
  }
  // A narrow `select` leaves the address out of the answer: only a real change counts.
  if (typeof doc.email === 'string' && previousDoc?.email && doc.email !== previousDoc.email) {
    await recordAuditEvent(req, {
      type: 'account-changed',
      subject,
      summary: 'Inlogadres (e-mail) gewijzigd.',
    })
  }
  return doc
}

/** A deleted account stays in the log by name (the row names it, it does not link to it). */
export const auditAccountDelete: CollectionAfterDeleteHook<Account> = async ({
  collection,
  context,
  doc,
  req,
}) => {
  if (context.erasure) return doc
  await recordAuditEvent(req, {
    type: 'account-changed',
    subject: subjectOf(collection.slug, doc),
    summary: 'Account verwijderd.',
  })
  return doc
}
