import type { Access, Where } from 'payload'

import { staffUser } from './lib/users'

/**
 * Payload's document locks (`payload-locked-documents`). The admin writes lock rows itself through
 * the database adapter, reads them for the logged-in staff member (to show who is editing) and,
 * through REST, deletes its own lock on leaving a document or takes a lock over ("Overnemen").
 * Parents use none of it.
 */
export const lockedDocumentsRead: Access = ({ req }) => !!staffUser(req)

/** Rows come only from the admin's own writes, never from a request body. */
export const lockedDocumentsCreate: Access = () => false

/** Taking a lock over means taking it for oneself: the only change a request may make. */
export const lockedDocumentsUpdate: Access = ({ req, data }) => {
  const staff = staffUser(req)
  if (!staff) return false
  // Without data Payload only asks whether the operation exists for this user (/api/access).
  if (data === undefined) return true
  const user = (data as { user?: { relationTo?: unknown; value?: unknown } }).user
  const onlyUser = Object.keys(data).every((key) => key === 'user')
  return onlyUser && user?.relationTo === 'staff' && idOf(user.value) === staff.id
}

/** Staff delete their own locks (leaving a document); a colleague's lock stays until it expires. */
export const lockedDocumentsDelete: Access = ({ req }): boolean | Where => {
  const staff = staffUser(req)
  if (!staff) return false
  return {
    and: [{ 'user.relationTo': { equals: 'staff' } }, { 'user.value': { equals: staff.id } }],
  }
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && 'id' in value) return String(value.id)
  return undefined
}
