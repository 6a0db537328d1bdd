import type { PayloadRequest } from 'payload'

import type { Parent, Staff } from '../../payload-types'

export type StaffUser = Staff & { collection: 'staff' }
export type ParentUser = Parent & { collection: 'parents' }

export function staffUser(req: PayloadRequest): StaffUser | null {
  const user = req.user as (StaffUser | ParentUser | null) | undefined
  return user && user.collection === 'staff' ? user : null
}

/** A parent counts only while active: a deactivated account is treated as logged out everywhere. */
export function parentUser(req: PayloadRequest): ParentUser | null {
  const user = req.user as (StaffUser | ParentUser | null) | undefined
  return user && user.collection === 'parents' && user.status !== 'deactivated' ? user : null
}

export function hasRole(req: PayloadRequest, ...roles: Staff['role'][]): boolean {
  const staff = staffUser(req)
  return !!staff && roles.includes(staff.role)
}

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null
  return typeof value === 'string' ? value : value.id
}

/** The ids of a hasMany relationship's values, populated or not (empty for anything else). */
export function idsOf(values: unknown): string[] {
  if (!Array.isArray(values)) return []
  return values
    .map((v) => (v && (typeof v === 'string' || typeof v === 'object') ? idOf(v) : null))
    .filter((id): id is string => !!id)
}
