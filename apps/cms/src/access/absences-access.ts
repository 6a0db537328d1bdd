import type { Access } from 'payload'

import { parentChildIds, scopeIn, teacherGroupIds } from './lib/scope'
import { hasRole, parentUser } from './lib/users'

/**
 * Absences (S9, S10): a parent reads the reports of their own children (every guardian sees
 * them, whoever reported); a teacher those of their groups; office and directors all.
 */
export const absencesRead: Access = async ({ req }) => {
  if (hasRole(req, 'director', 'office')) return true
  if (hasRole(req, 'teacher')) return scopeIn('group', await teacherGroupIds(req))
  if (parentUser(req)) return scopeIn('pupil', parentChildIds(req))
  return false
}

/** A parent reports for their own children (checked per pupil in the hook); the office records a phone call. */
export const absencesCreate: Access = ({ req }) =>
  !!parentUser(req) || hasRole(req, 'director', 'office')

/**
 * A parent withdraws, a teacher acknowledges, office and directors do either: within what they
 * may read. Which change is allowed to whom is `hooks/check-absence-change.ts`.
 */
export const absencesUpdate: Access = (args) => absencesRead(args)
