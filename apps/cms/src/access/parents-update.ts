import type { Access } from 'payload'

import { hasRole, parentUser } from './lib/users'

/** Office and directors manage parents; a parent updates only their own account. */
export const parentsUpdate: Access = ({ req }) => {
  if (hasRole(req, 'director', 'office')) return true
  const parent = parentUser(req)
  return parent ? { id: { equals: parent.id } } : false
}
