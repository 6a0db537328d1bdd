import type { Access } from 'payload'

import { parentPostsWhere, teacherPostsWhere } from './lib/parent-visibility'
import { matchNothing } from './lib/scope'
import { hasRole, parentUser } from './lib/users'

/** Directors: all posts. Teachers: school news and their groups. Parents: what was published for them. */
export const postsRead: Access = async ({ req }) => {
  if (hasRole(req, 'director')) return true
  if (hasRole(req, 'teacher')) return teacherPostsWhere(req)
  if (parentUser(req)) return (await parentPostsWhere(req)) ?? matchNothing()
  return false
}
