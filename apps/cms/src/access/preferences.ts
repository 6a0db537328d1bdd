import type { Access, Where } from 'payload'

import { staffUser } from './lib/users'

/**
 * Payload's admin preferences (`payload-preferences`: list columns, nav, locale): only the admin
 * uses them, so only staff, and each staff member only their own rows. Payload's `user` field hook
 * sets the owner to the requesting user on every write.
 */
export const preferencesAccess: Access = ({ req }): boolean | Where => {
  const staff = staffUser(req)
  if (!staff) return false
  return {
    and: [{ 'user.relationTo': { equals: 'staff' } }, { 'user.value': { equals: staff.id } }],
  }
}

export const preferencesCreate: Access = ({ req }) => !!staffUser(req)
