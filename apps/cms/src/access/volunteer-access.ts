import type { Access, Where } from 'payload'

import { matchNothing, parentGroupIds, teacherGroupIds } from './lib/scope'
import { hasRole, parentUser, staffUser } from './lib/users'

/**
 * Volunteer requests (hulpvragen, S4) and their sign-ups:
 * - staff: directors and the office read every request; a teacher school-wide ones, those of
 *   their groups and their own; teachers (their groups, their own) and directors write them;
 * - parents read published requests for the school or their children's groups;
 * - sign-ups are made and cancelled only through the endpoints (one conditional write per place,
 *   `collections/VolunteerSignups/seats.ts`); a parent reads their own, the request's teachers
 *   and the directors and office all of a request — other parents never see who signed up.
 */

function teacherScope(staffId: string, groups: readonly string[], authorField: string): Where {
  return {
    or: [
      { [authorField]: { equals: staffId } },
      ...(groups.length ? [{ groups: { in: [...groups] } }] : []),
    ],
  }
}

/**
 * Read access of staff-made items for an audience (volunteer requests, calendar events): directors
 * and the office read all; a teacher school-wide ones, those of their groups and their own; a
 * parent the published ones for the school or their children's groups.
 */
export const audienceItemsRead: Access = async ({ req }) => {
  if (hasRole(req, 'director', 'office')) return true
  const staff = staffUser(req)
  if (staff?.role === 'teacher') {
    const scope = teacherScope(staff.id, await teacherGroupIds(req), 'createdBy')
    return { or: [{ audience: { equals: 'school' } }, scope] }
  }
  if (!parentUser(req)) return false
  const groups = await parentGroupIds(req)
  if (groups.length === 0) return matchNothing()
  return {
    and: [
      { status: { equals: 'published' } },
      { or: [{ audience: { equals: 'school' } }, { groups: { in: groups } }] },
    ],
  }
}

/** Which groups a teacher may address is the item's hook (`lib/staff-audience.ts`). */
export const audienceItemsCreate: Access = ({ req }) => hasRole(req, 'director', 'teacher')

/** Directors change every item; a teacher those of their groups and their own. */
export const audienceItemsUpdate: Access = async ({ req }) => {
  if (hasRole(req, 'director')) return true
  const staff = staffUser(req)
  if (staff?.role !== 'teacher') return false
  return teacherScope(staff.id, await teacherGroupIds(req), 'createdBy')
}

export const volunteerRequestsRead = audienceItemsRead
export const volunteerRequestsCreate = audienceItemsCreate
export const volunteerRequestsUpdate = audienceItemsUpdate

export const volunteerSignupsRead: Access = async ({ req }) => {
  if (hasRole(req, 'director', 'office')) return true
  const staff = staffUser(req)
  if (staff?.role === 'teacher') {
    return teacherScope(staff.id, await teacherGroupIds(req), 'requestBy')
  }
  const parent = parentUser(req)
  return parent ? { parent: { equals: parent.id } } : false
}
