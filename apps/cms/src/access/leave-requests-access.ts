import type { Access } from 'payload'

import { parentChildIds, scopeIn, teacherGroupIds } from './lib/scope'
import { hasRole, parentUser } from './lib/users'

/**
 * Leave requests (verlof, Leerplichtwet): the director decides and reads all, like the office;
 * a teacher sees only approved leave of their groups (their overview); a parent the requests for
 * their own children.
 */
export const leaveRequestsRead: Access = async ({ req }) => {
  if (hasRole(req, 'director', 'office')) return true
  if (hasRole(req, 'teacher')) {
    const groups = await teacherGroupIds(req)
    return groups.length
      ? { and: [{ group: { in: groups } }, { status: { equals: 'approved' } }] }
      : scopeIn('id', [])
  }
  if (parentUser(req)) return scopeIn('pupil', parentChildIds(req))
  return false
}

export const leaveRequestsCreate: Access = ({ req }) => !!parentUser(req)

/** The director decides; a parent may withdraw their own open request (the hook checks which). */
export const leaveRequestsUpdate: Access = async (args) => {
  if (hasRole(args.req, 'director')) return true
  if (parentUser(args.req)) return scopeIn('pupil', parentChildIds(args.req))
  return false
}
