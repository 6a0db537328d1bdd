import type { Access } from 'payload'

import { findIds, scopeIn, teacherGroupIds } from './lib/scope'
import { hasRole, parentUser } from './lib/users'

/** Office and directors: all parents. Teachers: guardians of pupils in their groups. Parent: self. */
export const parentsRead: Access = async ({ req }) => {
  if (hasRole(req, 'director', 'office')) return true
  if (hasRole(req, 'teacher')) {
    const groupIds = await teacherGroupIds(req)
    if (groupIds.length === 0) return scopeIn('id', [])
    return scopeIn('children', await findIds(req, 'pupils', { group: { in: groupIds } }))
  }
  const parent = parentUser(req)
  return parent ? { id: { equals: parent.id } } : false
}
