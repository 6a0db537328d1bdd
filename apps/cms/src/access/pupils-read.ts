import type { Access } from 'payload'

import { parentChildIds, scopeIn, teacherGroupIds } from './lib/scope'
import { hasRole, parentUser } from './lib/users'

export const pupilsRead: Access = async ({ req }) => {
  if (hasRole(req, 'director', 'office')) return true
  if (hasRole(req, 'teacher')) return scopeIn('group', await teacherGroupIds(req))
  if (parentUser(req)) return scopeIn('id', parentChildIds(req))
  return false
}
