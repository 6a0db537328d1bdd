import type { Access, Where } from 'payload'

import { teacherGroupIds } from './lib/scope'
import { hasRole, staffUser } from './lib/users'

/** S14: only staff post. Directors: any post; teachers: their own posts and posts of their groups. */
export const postsCreate: Access = ({ req }) => hasRole(req, 'director', 'teacher')

export const postsUpdate: Access = async ({ req }): Promise<boolean | Where> => {
  if (hasRole(req, 'director')) return true
  if (!hasRole(req, 'teacher')) return false
  const groups = await teacherGroupIds(req)
  const scope: Where = {
    or: [
      { author: { equals: staffUser(req)!.id } },
      ...(groups.length
        ? [{ and: [{ audience: { equals: 'groups' } }, { groups: { in: groups } }] }]
        : []),
    ],
  }
  return scope
}
