import type { Access } from 'payload'

import { parentGroupIds, scopeIn, teacherGroupIds } from './lib/scope'
import { hasRole, parentUser } from './lib/users'

export const groupsRead: Access = async ({ req }) => {
  if (hasRole(req, 'director', 'office')) return true
  if (hasRole(req, 'teacher')) return scopeIn('id', await teacherGroupIds(req))
  if (parentUser(req)) return scopeIn('id', await parentGroupIds(req))
  return false
}
