import type { Access } from 'payload'

import { findIds, scopeIn, teacherGroupIds } from './lib/scope'
import { hasRole, parentUser } from './lib/users'

/**
 * Directors: all reports. Teachers: reports about their groups' posts whose text passed the
 * conduct check (a report about a conversation message, or a flagged text, is the directors').
 * A parent: their own.
 */
export const reportsRead: Access = async ({ req }) => {
  if (hasRole(req, 'director')) return true
  if (hasRole(req, 'teacher')) {
    const groups = await teacherGroupIds(req)
    if (!groups.length) return scopeIn('id', [])
    return {
      and: [
        scopeIn('post', await findIds(req, 'posts', { groups: { in: groups } })),
        { heldRule: { exists: false } },
      ],
    }
  }
  const parent = parentUser(req)
  return parent ? { reporter: { equals: parent.id } } : false
}

export const reportsUpdate: Access = async (args) =>
  hasRole(args.req, 'director', 'teacher') ? reportsRead(args) : false

export const reportsCreate: Access = ({ req }) => !!parentUser(req)
