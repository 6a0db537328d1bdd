import type { Access } from 'payload'

import { hasRole, staffUser } from './lib/users'

/** Directors manage every staff account; everyone else only their own (name, password). */
export const staffUpdate: Access = ({ req }) => {
  if (hasRole(req, 'director')) return true
  const staff = staffUser(req)
  return staff ? { id: { equals: staff.id } } : false
}
