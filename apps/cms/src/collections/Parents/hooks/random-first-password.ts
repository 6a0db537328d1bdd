import { randomBytes } from 'node:crypto'

import type { CollectionBeforeChangeHook } from 'payload'

/**
 * A parent account made by staff (REST, the admin) arrives without a password: the field is
 * closed to them. It gets a random one that nobody learns; the parent chooses their own through
 * the invitation link. The trusted Local API (seed, CSV import) passes its own.
 */
export const randomFirstPassword: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation !== 'create' || (typeof data.password === 'string' && data.password !== ''))
    return data
  return { ...data, password: randomBytes(32).toString('base64url') }
}
