import type { Access } from 'payload'

import { scopeIn, teacherGroupIds } from './lib/scope'
import { hasRole, parentUser } from './lib/users'

/** Office and directors: all parents. Teachers: guardians of pupils in their groups. Parent: self. */
export const parentsRead: Access = async ({ req }) => {
  if (hasRole(req, 'director', 'office')) return true
  if (hasRole(req, 'teacher')) {
    const groupIds = await teacherGroupIds(req)
    if (groupIds.length === 0) return scopeIn('id', [])
    const pupils = await req.payload.find({
      collection: 'pupils',
      where: { group: { in: groupIds } },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: {},
    })
    return scopeIn(
      'children',
      pupils.docs.map((p) => p.id),
    )
  }
  const parent = parentUser(req)
  return parent ? { id: { equals: parent.id } } : false
}
