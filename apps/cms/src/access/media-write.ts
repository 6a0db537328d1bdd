import type { Access } from 'payload'

import { hasRole, staffUser } from './lib/users'

/** S14: only directors and teachers upload; a teacher changes only their own uploads. */
export const mediaCreate: Access = ({ req }) => hasRole(req, 'director', 'teacher')

export const mediaUpdate: Access = ({ req }) => {
  if (hasRole(req, 'director')) return true
  if (hasRole(req, 'teacher')) return { uploadedBy: { equals: staffUser(req)!.id } }
  return false
}
