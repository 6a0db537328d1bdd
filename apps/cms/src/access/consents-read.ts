import type { Access } from 'payload'

import { parentUser, staffUser } from './lib/users'

/** Staff read every choice (shown when tagging); a parent reads their own. Writes go through /set. */
export const consentsRead: Access = ({ req }) => {
  if (staffUser(req)) return true
  const parent = parentUser(req)
  return parent ? { guardian: { equals: parent.id } } : false
}
