import type { Access, FieldAccess } from 'payload'

import { hasRole, idOf, parentUser, staffUser } from './lib/users'

/** Feedback (S20): every staff member reads it, a parent their own. */
export const feedbackRead: Access = ({ req }) => {
  if (staffUser(req)) return true
  const parent = parentUser(req)
  return parent ? { parent: { equals: parent.id } } : false
}

/** Only parents send feedback. */
export const feedbackCreate: Access = ({ req }) => !!parentUser(req)

/** Directors handle it: the status and the answer. */
export const feedbackUpdate: Access = ({ req }) => hasRole(req, 'director')

/**
 * Who sent it: directors always (never anonymous to the school), the sender, and other staff only
 * when the parent did not ask to stay anonymous to teachers. Without a document (a query on the
 * field) only directors.
 */
export const feedbackSenderRead: FieldAccess = ({ req, doc }) => {
  if (hasRole(req, 'director')) return true
  const parent = parentUser(req)
  if (parent) return !!doc && idOf(doc.parent as string | { id: string } | null) === parent.id
  return !!staffUser(req) && !!doc && doc.anonymous !== true
}
